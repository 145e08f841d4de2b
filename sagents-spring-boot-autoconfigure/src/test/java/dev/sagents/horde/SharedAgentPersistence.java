package dev.sagents.horde;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.sagents.agent.AgentPersistence;

/** Agent state shared by every node of a {@link HordeTestCluster}, as a database would be. */
final class SharedAgentPersistence implements AgentPersistence {

	final Map<String, Object> states = new ConcurrentHashMap<>();

	@Override
	public void persistState(String agentId, Object state, PersistencePoint point) {
		this.states.put(agentId, state);
	}

	@Override
	public <S> Optional<S> loadState(String agentId, Class<S> stateType) {
		return Optional.ofNullable(this.states.get(agentId)).map(stateType::cast);
	}

}
