package dev.sagents.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where agent states are kept, with an epoch per agent that fences stale activations: the SPI of
 * the built-in stores. Declare a bean of it to keep states elsewhere with the same guarantees.
 * Implementations are called from many threads at once, for different agents and for one.
 */
public interface AgentStateStore {

	/**
	 * Claims agent {@code agentId} for a new activation, atomically: its epoch becomes the stored
	 * epoch plus one (1 when nothing is stored, creating the entry), and the state stored with it
	 * is returned. From then on, writes with a lower epoch are refused.
	 *
	 * @return the new epoch and the stored state (none on a first claim)
	 */
	StoredState claim(String agentId) throws Exception;

	/**
	 * Claims each of {@code agentIds} as {@link #claim} does, in as few round trips as the store
	 * can: a node that starts thousands of agents at once (a failover, a handoff) claims them
	 * ahead, together. This default claims one after the other.
	 *
	 * @return the new epoch and the stored state of each agent, by id
	 */
	default Map<String, StoredState> claimAll(Collection<String> agentIds) throws Exception {
		return OneClaimAtATime.claimEach(agentIds, this::claim);
	}

	/** The epoch and state stored for {@code agentId}; empty if it was never claimed. */
	Optional<StoredState> read(String agentId) throws Exception;

	/**
	 * Writes each state whose epoch is not lower than the one stored for its agent, and none of the
	 * others; as one round trip where the store can. An agent appears at most once.
	 *
	 * @return for each write, in order, whether it was written ({@code false}: a newer activation
	 * claimed the agent, or it was never claimed)
	 */
	boolean[] write(List<StateWrite> writes) throws Exception;

}
