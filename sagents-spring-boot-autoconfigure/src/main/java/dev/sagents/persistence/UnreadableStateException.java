package dev.sagents.persistence;

import dev.sagents.process.SagentsException;

/**
 * The state stored for an agent cannot be read as its state type (a corrupt or foreign entry, an
 * untrusted or renamed type). The agent does not start; nothing is overwritten, so the entry can be
 * repaired or removed, after which the agent starts again.
 */
public class UnreadableStateException extends SagentsException {

	private final String agentId;

	/**
	 * @param agentId the agent whose state cannot be read
	 * @param cause why (the codec's exception)
	 */
	public UnreadableStateException(String agentId, Throwable cause) {
		super("The stored state of agent '" + agentId + "' cannot be read: " + cause.getMessage(), cause);
		this.agentId = agentId;
	}

	/** The agent whose state cannot be read. */
	public String agentId() {
		return this.agentId;
	}

}
