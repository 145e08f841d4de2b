package dev.sagents.process;

import java.util.regex.Pattern;

/**
 * The registry key of a process: its kind and its id. Rendered as {@code agent:<id>} or
 * {@code filesystem:<scope>}; the id itself may contain colons ({@code filesystem:user:alice}).
 *
 * @param kind the kind of process
 * @param id the agent id or file-system scope, never empty
 */
public record ProcessKey(ProcessKind kind, String id) {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

	public ProcessKey {
		Arguments.notNull(kind, "kind");
		Arguments.notNull(id, "id");
		if (id.isEmpty()) {
			throw new IllegalArgumentException("A process id must not be empty");
		}
	}

	/** The key of agent {@code id}. */
	public static ProcessKey agent(String id) {
		return new ProcessKey(ProcessKind.AGENT, id);
	}

	/** The key of the file system of {@code scope}. */
	public static ProcessKey fileSystem(String scope) {
		return new ProcessKey(ProcessKind.FILESYSTEM, Arguments.notNull(scope, "scope"));
	}

	/**
	 * Whether {@code id} is one a process may have: 1–128 characters of {@code A-Z a-z 0-9 . _ : -}
	 * (an agent id, a file-system scope).
	 */
	public static boolean isValidId(String id) {
		return id != null && ID.matcher(id).matches();
	}

	/** Parses {@code agent:<id>} or {@code filesystem:<scope>}. */
	public static ProcessKey parse(String text) {
		int colon = Arguments.notNull(text, "text").indexOf(':');
		if (colon <= 0) {
			throw new IllegalArgumentException("A process key is '<kind>:<id>', got '" + text + "'");
		}
		return new ProcessKey(ProcessKind.ofPrefix(text.substring(0, colon)), text.substring(colon + 1));
	}

	@Override
	public String toString() {
		return this.kind.prefix() + ":" + this.id;
	}

}
