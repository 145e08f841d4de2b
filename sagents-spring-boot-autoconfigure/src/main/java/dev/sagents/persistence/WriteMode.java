package dev.sagents.persistence;

/** When a changed agent state reaches its store (docs/persistence.md, "Write modes"). */
public enum WriteMode {

	/**
	 * Before the reply leaves: the handler's thread waits until the state is stored. A crash loses
	 * no acknowledged change. Concurrent writes of many agents share round trips.
	 */
	WRITE_THROUGH,

	/**
	 * Within the coalesce delay, latest state per agent wins; the reply leaves at once. A stop, a
	 * handoff and a crash restart write synchronously. A node crash loses the changes of the last
	 * delay.
	 */
	COALESCED

}
