package dev.sagents.registry;

/** Where the registry is in its life. Only {@link #RUNNING} answers lookups. */
public enum RegistryState {

	/** Not started yet, or starting: calls fail with {@link RegistryUnavailableException}. */
	STARTING,

	/** Answering. */
	RUNNING,

	/** The node is stopping its processes: calls fail with {@link RegistryUnavailableException}. */
	DRAINING,

	/** Stopped. */
	STOPPED

}
