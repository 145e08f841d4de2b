package dev.sagents.agent;

import dev.sagents.process.SagentsException;

/** An agent id that is not 1–128 characters of {@code A-Z a-z 0-9 . _ : -}. */
public class InvalidAgentIdException extends SagentsException {

	private final String id;

	public InvalidAgentIdException(String id) {
		super("Invalid agent id '" + id + "': expected 1-128 characters of A-Z a-z 0-9 . _ : -");
		this.id = id;
	}

	public String id() {
		return this.id;
	}

}
