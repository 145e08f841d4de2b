package dev.sagents.horde;

import java.util.List;
import java.util.Optional;

import dev.sagents.agent.AgentBehaviorResolver;
import dev.sagents.agent.AgentEventListener;
import dev.sagents.agent.AgentInfo;
import dev.sagents.agent.AgentPersistence;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.agent.Subscription;
import dev.sagents.filesystem.FileSystemSupervisor;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.supervisor.SagentsLifecycle;
import dev.sagents.supervisor.StartResult;

/** (Being written: signatures are final, bodies are not.) */
public final class HordeAgentsSupervisor implements AgentsSupervisor, SagentsLifecycle {

	public HordeAgentsSupervisor(HordeNode node, AgentBehaviorResolver behaviors, AgentPersistence persistence,
			FileSystemSupervisor fileSystems, AgentSettings settings, ProcessFailureLog failures) {
	}

	@Override
	public StartResult<AgentRef> startAgent(AgentSpec spec) {
		throw new UnsupportedOperationException("being written");
	}

	@Override
	public Optional<AgentRef> findAgent(String id) {
		throw new UnsupportedOperationException("being written");
	}

	@Override
	public boolean stopAgent(String id) {
		throw new UnsupportedOperationException("being written");
	}

	@Override
	public List<AgentInfo> listAgents() {
		throw new UnsupportedOperationException("being written");
	}

	@Override
	public int countAgents() {
		throw new UnsupportedOperationException("being written");
	}

	@Override
	public Subscription subscribe(String id, AgentEventListener listener) {
		throw new UnsupportedOperationException("being written");
	}

	@Override
	public void start() {
	}

	@Override
	public void stop() {
	}

}
