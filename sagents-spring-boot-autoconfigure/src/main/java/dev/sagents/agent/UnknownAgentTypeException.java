package dev.sagents.agent;

import java.util.Set;

import dev.sagents.process.SagentsException;

/** No {@link AgentBehavior} bean has the requested type name (or none is the default). */
public class UnknownAgentTypeException extends SagentsException {

	private final String type;

	private final Set<String> known;

	public UnknownAgentTypeException(String type, Set<String> known) {
		super((type != null) ? "No agent behaviour named '" + type + "' (known: " + known + ")"
				: "No default agent behaviour: declare one AgentBehavior bean, mark one @Primary, or name a type (known: "
						+ known + ")");
		this.type = type;
		this.known = Set.copyOf(known);
	}

	/** The types that exist. */
	public Set<String> known() {
		return this.known;
	}

	/** The requested type, {@code null} when the default was asked for. */
	public String type() {
		return this.type;
	}

}
