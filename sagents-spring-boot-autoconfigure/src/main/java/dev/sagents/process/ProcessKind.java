package dev.sagents.process;

/**
 * The kinds of process sagents hosts. The prefix is the first part of a registry key
 * ({@code agent:<id>}, {@code filesystem:<scope>}).
 */
public enum ProcessKind {

	/** A long-lived agent, addressed by its id. */
	AGENT("agent"),

	/** A shared in-memory file system, addressed by its scope ({@code user:alice}, {@code project:7}). */
	FILESYSTEM("filesystem");

	private final String prefix;

	ProcessKind(String prefix) {
		this.prefix = prefix;
	}

	/** The registry key prefix, without the colon. */
	public String prefix() {
		return this.prefix;
	}

	/** The kind whose prefix is {@code prefix}; {@link IllegalArgumentException} if none. */
	public static ProcessKind ofPrefix(String prefix) {
		for (ProcessKind kind : values()) {
			if (kind.prefix.equals(prefix)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("Unknown process kind '" + prefix + "' (allowed: agent, filesystem)");
	}

}
