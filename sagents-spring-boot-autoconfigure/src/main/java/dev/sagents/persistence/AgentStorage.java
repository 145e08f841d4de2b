package dev.sagents.persistence;

import java.util.Collection;
import java.util.function.Consumer;

import dev.sagents.agent.AgentPersistence;
import dev.sagents.process.StaleActivationException;

/**
 * What agents persist through: each start of an agent activates it here once, and the activation
 * loads and stores its state. Built over an {@link AgentStateStore} it is fenced
 * ({@link FencedAgentStorage}); over an application's {@link AgentPersistence} it is not
 * ({@link #of}).
 */
public interface AgentStorage {

	/**
	 * Activates agent {@code agentId}: claims its next epoch where the storage fences.
	 *
	 * @param stateType the type its state loads as
	 * @param onStale told, on another thread, when a write this activation did not wait for
	 * (coalesced) was refused because a newer activation claimed the agent
	 */
	AgentActivation activate(String agentId, Class<?> stateType, Consumer<StaleActivationException> onStale)
			throws Exception;

	/**
	 * Claims, together, the next epochs of agents about to start here, so that their activations
	 * take them instead of a round trip each (where the storage fences; otherwise nothing). An
	 * agent that does not start after all is {@linkplain #dropClaimAhead dropped}.
	 */
	default void claimAhead(Collection<String> agentIds) throws Exception {
	}

	/** Drops the epoch claimed ahead for {@code agentId}, which does not start here after all. */
	default void dropClaimAhead(String agentId) {
	}

	/** Storage through {@code persistence}, called synchronously and without epochs: no fencing. */
	static AgentStorage of(AgentPersistence persistence) {
		return new UnfencedAgentStorage(persistence);
	}

}
