package dev.sagents.local;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.sagents.agent.AgentPersistence;

/** Keeps agent state in a map and remembers at which points it was persisted. */
class MapAgentPersistence implements AgentPersistence {

	final Map<String, Object> states = new ConcurrentHashMap<>();

	final List<String> points = new CopyOnWriteArrayList<>();

	/** How many of the next loads fail, as a store that is down for a moment. */
	volatile int failingLoads;

	@Override
	public void persistState(String agentId, Object state, PersistencePoint point) {
		this.states.put(agentId, state);
		this.points.add(agentId + ":" + point);
	}

	@Override
	public <S> Optional<S> loadState(String agentId, Class<S> stateType) {
		if (this.failingLoads > 0) {
			this.failingLoads--;
			throw new IllegalStateException("store down");
		}
		return Optional.ofNullable(this.states.get(agentId)).map(stateType::cast);
	}

}
