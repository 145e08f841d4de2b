package dev.sagents.agent;

import java.util.Optional;

/**
 * Where agents keep their state between runs. Called on the agent's own thread, never concurrently
 * for one agent. Implementations must be safe to call for different agents at once.
 */
public interface AgentPersistence {

	/** Stores the state of agent {@code agentId}; {@code point} says when in its life this happens. */
	void persistState(String agentId, Object state, PersistencePoint point) throws Exception;

	/** The stored state of agent {@code agentId}, read as {@code stateType}; empty if none is stored. */
	<S> Optional<S> loadState(String agentId, Class<S> stateType) throws Exception;

	/** Removes the stored state of agent {@code agentId}; nothing if none is stored. */
	default void deleteState(String agentId) throws Exception {
	}

	/** A persistence that stores nothing: agents start from their initial state every time. */
	static AgentPersistence none() {
		return NoAgentPersistence.INSTANCE;
	}

	/** When state is persisted. */
	enum PersistencePoint {

		/** After a message that changed the state was handled. */
		ON_CHANGE,

		/** When the agent stops (inactivity, stop, node shutdown). */
		ON_SHUTDOWN,

		/** After a handler failure, with the last good state. */
		ON_ERROR

	}

}
