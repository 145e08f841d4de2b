package dev.sagents.persistence;

import java.util.Optional;
import java.util.function.Consumer;

import dev.sagents.agent.AgentPersistence;
import dev.sagents.agent.AgentPersistence.PersistencePoint;
import dev.sagents.process.Arguments;
import dev.sagents.process.StaleActivationException;

/**
 * An application's {@link AgentPersistence} as agents' storage: every load and store goes to it
 * as it is, on the agent's thread, with epoch 0. Nothing is refused, so a stale activation's
 * writes land too; fencing, if any, is the application's.
 */
final class UnfencedAgentStorage implements AgentStorage {

	private final AgentPersistence persistence;

	UnfencedAgentStorage(AgentPersistence persistence) {
		this.persistence = Arguments.notNull(persistence, "persistence");
	}

	@Override
	public AgentActivation activate(String agentId, Class<?> stateType, Consumer<StaleActivationException> onStale) {
		return new AgentActivation() {

			@Override
			public long epoch() {
				return 0;
			}

			@Override
			public Optional<Object> load() throws Exception {
				return UnfencedAgentStorage.this.persistence.loadState(agentId, stateType).map(Object.class::cast);
			}

			@Override
			public void persist(Object state, PersistencePoint point) throws Exception {
				UnfencedAgentStorage.this.persistence.persistState(agentId, state, point);
			}

		};
	}

}
