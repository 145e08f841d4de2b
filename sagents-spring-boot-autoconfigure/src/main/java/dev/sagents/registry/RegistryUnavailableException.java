package dev.sagents.registry;

import dev.sagents.process.SagentsException;

/**
 * The registry cannot answer right now (the node is starting or draining). Thrown instead of a
 * possibly wrong answer; readiness probes report the same condition.
 */
public class RegistryUnavailableException extends SagentsException {

	private final RegistryState state;

	public RegistryUnavailableException(RegistryState state) {
		super("The sagents registry is unavailable on this node: " + explain(state));
		this.state = state;
	}

	public RegistryState state() {
		return this.state;
	}

	private static String explain(RegistryState state) {
		return switch (state) {
			case STARTING -> "the sagents supervisor has not started here (a node without it hosts nothing and "
					+ "answers no sagents calls)";
			case DRAINING -> "the node is stopping and handing its processes off";
			case STOPPED -> "the node stopped";
			case RUNNING -> "it is running";
		};
	}

}
