package dev.sagents.supervisor;

/**
 * A piece started and stopped by the {@link SagentsSupervisor}: the registry, the agents
 * supervisor, the file-system supervisor.
 */
public interface SagentsLifecycle {

	/** Starts the piece; called once, in order. */
	void start();

	/** Announces that the node is leaving: refuse new work, keep serving what runs. */
	default void drain() {
	}

	/** Stops the piece and everything it hosts, persisting state; called once, in reverse order. */
	void stop();

}
