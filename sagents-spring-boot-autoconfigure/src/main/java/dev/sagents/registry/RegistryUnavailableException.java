package dev.sagents.registry;

import dev.sagents.process.SagentsException;

/**
 * The registry cannot answer right now (the node is starting or draining, or, in horde mode, no
 * member holds the registry). Thrown instead of a possibly wrong answer; readiness probes report
 * the same condition.
 */
public class RegistryUnavailableException extends SagentsException {

	private final RegistryState state;

	private final String reason;

	/** The registry cannot answer because of where this node is in its life. */
	public RegistryUnavailableException(RegistryState state) {
		this(state, explain(state));
	}

	/**
	 * The registry cannot answer for {@code reason}, whatever this node's state.
	 *
	 * @param reason why, completing "The sagents registry is unavailable on this node: "
	 */
	public RegistryUnavailableException(RegistryState state, String reason) {
		super("The sagents registry is unavailable on this node: " + reason);
		this.state = state;
		this.reason = reason;
	}

	public RegistryState state() {
		return this.state;
	}

	/** Why the registry cannot answer. */
	public String reason() {
		return this.reason;
	}

	private static String explain(RegistryState state) {
		return switch (state) {
			case STARTING -> "the sagents supervisor has not started here (in local mode a node without it hosts "
					+ "nothing and answers no sagents calls)";
			case DRAINING -> "the node is stopping and handing its processes off";
			case STOPPED -> "the node stopped";
			case RUNNING -> "it is running";
		};
	}

}
