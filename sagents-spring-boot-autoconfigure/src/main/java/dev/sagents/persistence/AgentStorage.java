package dev.sagents.persistence;

import java.util.function.Consumer;

import dev.sagents.agent.AgentPersistence;
import dev.sagents.process.StaleActivationException;

/**
 * What agents persist through: each start of an agent activates it here once, and the activation
 * loads and stores its state. Built over an {@link AgentStateStore} it is fenced
 * ({@link FencedAgentStorage}), and agents about to start together are claimed ahead
 * ({@link ClaimingAhead}); over an application's {@link AgentPersistence} it is not ({@link #of}).
 */
public interface AgentStorage extends ClaimingAhead {

	/**
	 * Activates agent {@code agentId}: claims its next epoch where the storage fences.
	 *
	 * @param stateType the type its state loads as
	 * @param onStale told, on another thread, when a write this activation did not wait for
	 * (coalesced) was refused because a newer activation claimed the agent
	 */
	AgentActivation activate(String agentId, Class<?> stateType, Consumer<StaleActivationException> onStale)
			throws Exception;

	/** Storage through {@code persistence}, called synchronously and without epochs: no fencing. */
	static AgentStorage of(AgentPersistence persistence) {
		return new UnfencedAgentStorage(persistence);
	}

}
