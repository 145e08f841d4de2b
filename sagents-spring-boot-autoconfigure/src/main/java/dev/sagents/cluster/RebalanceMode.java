package dev.sagents.cluster;

/**
 * What the members of a horde do when a member joins: {@code sagents.horde.rebalance}.
 */
public enum RebalanceMode {

	/**
	 * Nothing moves: a process stays where it runs until it stops or its member leaves, so a member
	 * that joins gets only the processes started (or restarted) from then on.
	 */
	PASSIVE,

	/**
	 * When the members change, those above their share of agents ({@code ceil(agents / members)})
	 * send the excess to those below it, the agents the receiver owns under placement first, with
	 * their state, in bounded batches, by the graceful handoff: no call fails, no message is lost.
	 * A member that joins so gets its share; file systems stay where they run.
	 */
	ACTIVE

}
