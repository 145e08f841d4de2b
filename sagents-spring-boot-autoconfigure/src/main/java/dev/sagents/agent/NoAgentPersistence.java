package dev.sagents.agent;

import java.util.Optional;

/** Stores nothing; used when the application declares no {@link AgentPersistence}. */
final class NoAgentPersistence implements AgentPersistence {

	static final NoAgentPersistence INSTANCE = new NoAgentPersistence();

	private NoAgentPersistence() {
	}

	@Override
	public void persistState(String agentId, Object state, PersistencePoint point) {
	}

	@Override
	public <S> Optional<S> loadState(String agentId, Class<S> stateType) {
		return Optional.empty();
	}

}
