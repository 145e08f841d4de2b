package dev.sagents.agent;

import java.util.Map;

import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessKey;

/**
 * What to start: the agent's id, which behaviour runs it, the file-system scope it works in and
 * free-form attributes its behaviour may read.
 *
 * @param id 1–128 characters of {@code A-Z a-z 0-9 . _ : -}
 * @param type the name of the {@link AgentBehavior} bean; {@code null} for the only (or primary) one
 * @param fileSystemScope the scope of the file system the agent uses ({@code user:alice}); may be {@code null}
 * @param attributes free-form settings for the behaviour, never {@code null}
 */
public record AgentSpec(String id, String type, String fileSystemScope, Map<String, String> attributes) {

	public AgentSpec {
		Arguments.notNull(id, "id");
		if (!isValidId(id)) {
			throw new InvalidAgentIdException(id);
		}
		attributes = (attributes != null) ? Map.copyOf(attributes) : Map.of();
	}

	/** An agent of the default behaviour, without a file system. */
	public static AgentSpec of(String id) {
		return new AgentSpec(id, null, null, Map.of());
	}

	/** This spec with the file system of {@code scope}. */
	public AgentSpec withFileSystemScope(String scope) {
		return new AgentSpec(this.id, this.type, scope, this.attributes);
	}

	/** This spec run by the behaviour bean named {@code type}. */
	public AgentSpec withType(String type) {
		return new AgentSpec(this.id, type, this.fileSystemScope, this.attributes);
	}

	/** Whether {@code id} is a valid agent id: 1–128 characters of {@code A-Z a-z 0-9 . _ : -}. */
	public static boolean isValidId(String id) {
		return ProcessKey.isValidId(id);
	}

}
