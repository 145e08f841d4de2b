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
	 * The processes whose owner under placement is now the member that joined move to it, with
	 * their state, in bounded batches, by the graceful handoff: no call fails, no message is lost.
	 */
	ACTIVE

}
