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
import dev.sagents.local.LocalAgentsSupervisor;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.supervisor.SagentsLifecycle;
import dev.sagents.supervisor.StartResult;

/**
 * Agents across the horde: a start from any node runs the agent on the member that owns its id;
 * lookups, calls, stops, lists, counts and event subscriptions work from any node. The agents this
 * node hosts run in a {@link LocalAgentsSupervisor}; on node stop they persist their state and are
 * handed over to their next owners.
 */
public final class HordeAgentsSupervisor implements AgentsSupervisor, SagentsLifecycle {

	private final HordeNode node;

	private final AgentBehaviorResolver behaviors;

	private final LocalAgentsSupervisor hosted;

	public HordeAgentsSupervisor(HordeNode node, AgentBehaviorResolver behaviors, AgentPersistence persistence,
			FileSystemSupervisor fileSystems, AgentSettings settings, ProcessFailureLog failures) {
		this.node = node;
		this.behaviors = behaviors;
		this.hosted = node.hostAgents(behaviors, persistence, fileSystems, settings, failures);
	}

	@Override
	public StartResult<AgentRef> startAgent(AgentSpec spec) {
		// Refuse an unknown type here, before anything is registered or sent.
		this.behaviors.resolve(spec.type());
		return this.node.startProcess(Registration.ofAgent(spec, null, null), AgentRef.class);
	}

	@Override
	public Optional<AgentRef> findAgent(String id) {
		if (!AgentSpec.isValidId(id)) {
			return Optional.empty();
		}
		return this.node.lookup(ProcessKey.agent(id), AgentRef.class);
	}

	@Override
	public boolean stopAgent(String id) {
		return AgentSpec.isValidId(id) && this.node.stop(ProcessKey.agent(id));
	}

	@Override
	public List<AgentInfo> listAgents() {
		return this.node.listAgents();
	}

	@Override
	public int countAgents() {
		return this.node.count(ProcessKind.AGENT);
	}

	@Override
	public Subscription subscribe(String id, AgentEventListener listener) {
		return this.node.subscribe(id, listener);
	}

	@Override
	public void start() {
		this.hosted.start();
	}

	@Override
	public void stop() {
		this.hosted.stop();
		this.node.awaitHandoffs();
	}

}
