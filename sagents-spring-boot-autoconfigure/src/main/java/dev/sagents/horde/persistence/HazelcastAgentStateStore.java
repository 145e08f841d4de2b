package dev.sagents.horde.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionService;
import dev.sagents.horde.HordeStructures;
import dev.sagents.persistence.AgentStateStore;
import dev.sagents.persistence.StateWrite;
import dev.sagents.persistence.StoredState;
import dev.sagents.process.Arguments;

/**
 * Agent states in the map {@value HordeStructures#AGENT_STATES_MAP}, one entry per agent with its
 * epoch. A claim and a write are each one entry processor on the agent's partition owner
 * ({@link ClaimAgent}, {@link WriteStates}), so a write checks the epoch and stores in one step
 * that no claim can come between. The writes of one call are grouped by partition, one operation
 * per partition, all sent at once: a flush of many agents waits about one round trip. Agents
 * claimed together are claimed the same way, by one call for all of them.
 */
public final class HazelcastAgentStateStore implements AgentStateStore {

	private final HazelcastStoreMaps maps;

	/** @param maps the way to the member's maps */
	public HazelcastAgentStateStore(HazelcastStoreMaps maps) {
		this.maps = Arguments.notNull(maps, "maps");
	}

	@Override
	public StoredState claim(String agentId) {
		return this.maps.call("claim agent '" + agentId + "'",
				(member) -> states(member).executeOnKey(agentId, new ClaimAgent()).toStoredState());
	}

	@Override
	public Map<String, StoredState> claimAll(Collection<String> agentIds) {
		if (agentIds.isEmpty()) {
			return Map.of();
		}
		return this.maps.call("claim " + agentIds.size() + " agent(s)", (member) -> {
			Map<String, StoredState> claimed = new HashMap<>();
			states(member).executeOnKeys(Set.copyOf(agentIds), new ClaimAgent())
				.forEach((agentId, record) -> claimed.put(agentId, record.toStoredState()));
			return claimed;
		});
	}

	@Override
	public Optional<StoredState> read(String agentId) {
		return this.maps.call("read the state of agent '" + agentId + "'",
				(member) -> Optional.ofNullable(states(member).get(agentId)).map(AgentStateRecord::toStoredState));
	}

	@Override
	public boolean[] write(List<StateWrite> writes) {
		if (writes.isEmpty()) {
			return new boolean[0];
		}
		return this.maps.call("store the state of " + writes.size() + " agent(s)", (member) -> {
			IMap<String, AgentStateRecord> states = states(member);
			List<CompletableFuture<Map<String, Boolean>>> sent = new ArrayList<>();
			for (Map<String, AgentStateRecord> partition : byPartition(writes, member.getPartitionService()).values()) {
				sent.add(states.submitToKeys(partition.keySet(), new WriteStates(partition)).toCompletableFuture());
			}
			// Every operation ends before this call does, also when one failed: no write stays in flight.
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
			Map<String, Boolean> results = new HashMap<>();
			sent.forEach((partition) -> results.putAll(partition.join()));
			boolean[] written = new boolean[writes.size()];
			for (int i = 0; i < written.length; i++) {
				written[i] = Boolean.TRUE.equals(results.get(writes.get(i).agentId()));
			}
			return written;
		});
	}

	/** The writes by partition id, each as the agents' ids and what {@link WriteStates} carries for them. */
	private static Map<Integer, Map<String, AgentStateRecord>> byPartition(List<StateWrite> writes,
			PartitionService partitions) {
		Map<Integer, Map<String, AgentStateRecord>> grouped = new HashMap<>();
		for (StateWrite write : writes) {
			grouped.computeIfAbsent(partitions.getPartition(write.agentId()).getPartitionId(), (id) -> new LinkedHashMap<>())
				.put(write.agentId(), new AgentStateRecord(write.epoch(), write.state().type(), write.state().data()));
		}
		return grouped;
	}

	private static IMap<String, AgentStateRecord> states(HazelcastInstance member) {
		return member.getMap(HordeStructures.AGENT_STATES_MAP);
	}

}
