package dev.sagents.persistence;

import dev.sagents.process.SagentsException;

/**
 * An agent's new state, as the codec writes it, is larger than
 * {@code sagents.persistence.max-state-size}. Nothing was written: the agent keeps its previous
 * state, and the call that changed it fails with this exception.
 */
public class StateTooLargeException extends SagentsException {

	private final String agentId;

	private final long size;

	private final long limit;

	/**
	 * @param agentId the agent whose state was refused
	 * @param size the encoded size of the state, in bytes
	 * @param limit the largest size allowed, in bytes
	 */
	public StateTooLargeException(String agentId, long size, long limit) {
		super("The new state of agent '" + agentId + "' has " + size + " bytes encoded, more than the " + limit
				+ " of sagents.persistence.max-state-size; it keeps its previous state");
		this.agentId = agentId;
		this.size = size;
		this.limit = limit;
	}

	/** The agent whose state was refused. */
	public String agentId() {
		return this.agentId;
	}

	/** The encoded size of the refused state, in bytes. */
	public long size() {
		return this.size;
	}

	/** The largest size allowed, in bytes. */
	public long limit() {
		return this.limit;
	}

}
