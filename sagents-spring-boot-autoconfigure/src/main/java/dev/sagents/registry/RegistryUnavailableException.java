package dev.sagents.registry;

import dev.sagents.process.SagentsException;

/**
 * The registry cannot answer right now (the node is starting or draining). Thrown instead of a
 * possibly wrong answer; readiness probes report the same condition.
 */
public class RegistryUnavailableException extends SagentsException {

	private final RegistryState state;

	public RegistryUnavailableException(RegistryState state) {
		super("The sagents registry is unavailable on this node (state " + state + ")");
		this.state = state;
	}

	public RegistryState state() {
		return this.state;
	}

}
