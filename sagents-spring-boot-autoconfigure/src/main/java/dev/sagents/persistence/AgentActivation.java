package dev.sagents.persistence;

import java.util.Optional;

import dev.sagents.agent.AgentPersistence.PersistencePoint;
import dev.sagents.process.StaleActivationException;

/**
 * One activation of an agent: its run on one node from its start to its end, with the epoch it
 * claimed when it started. The agent's process calls it on its own thread, one call at a time.
 */
public interface AgentActivation {

	/** The epoch this activation claimed; 0 when the storage does not fence. */
	long epoch();

	/**
	 * The stored state: on the first call what the activation found when it started, on later
	 * calls (a restart after a crash) read again.
	 *
	 * @throws StaleActivationException if a newer activation has claimed the agent meanwhile
	 */
	Optional<Object> load() throws Exception;

	/**
	 * Stores {@code state}; {@code point} says when in the agent's life this happens. Returns once
	 * the state is stored when the write mode or the point asks to wait.
	 *
	 * @throws StaleActivationException if a newer activation has claimed the agent: nothing was written
	 * @throws StateTooLargeException if the encoded state is over the configured maximum
	 */
	void persist(Object state, PersistencePoint point) throws Exception;

}
