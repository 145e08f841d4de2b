package dev.sagents.horde;

import java.util.List;
import java.util.Optional;

import dev.sagents.agent.AgentBehaviorResolver;
import dev.sagents.agent.AgentDetails;
import dev.sagents.agent.AgentEventListener;
import dev.sagents.agent.AgentInfo;
import dev.sagents.agent.AgentInspection;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.agent.Subscription;
import dev.sagents.filesystem.FileSystemSupervisor;
import dev.sagents.local.LocalAgentsSupervisor;
import dev.sagents.persistence.AgentStorage;
import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessKind;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.supervisor.StartResult;

/**
 * Agents across the horde: a start from any node runs the agent on the member that owns its id;
 * lookups, calls, stops, lists, counts and event subscriptions work from any node. The agents this
 * node hosts run in a {@link LocalAgentsSupervisor}; on node stop they persist their state and are
 * handed off to their next owners.
 */
public final class HordeAgentsSupervisor extends AbstractHordeSupervisor implements AgentsSupervisor, AgentInspection {

	private final AgentBehaviorResolver behaviors;

	public HordeAgentsSupervisor(HordeNode node, AgentBehaviorResolver behaviors, AgentStorage storage,
			FileSystemSupervisor fileSystems, AgentSettings settings, ProcessFailureLog failures) {
		super(node, node.hostAgents(behaviors, storage, fileSystems, settings, failures));
		this.behaviors = behaviors;
	}

	@Override
	public StartResult<AgentRef> startAgent(AgentSpec spec) {
		// Refuse an unknown type here, before anything is registered or sent. The registration names
		// the type, so the agent keeps it on every member it moves to.
		AgentSpec typed = this.behaviors.typed(Arguments.notNull(spec, "spec"));
		this.behaviors.resolve(typed.type());
		return this.node.placement().startProcess(Registration.ofAgent(typed, null, null), AgentRef.class);
	}

	@Override
	public Optional<AgentRef> findAgent(String id) {
		return find(ProcessKind.AGENT, Arguments.notNull(id, "id"), AgentRef.class);
	}

	@Override
	public boolean stopAgent(String id) {
		return stop(ProcessKind.AGENT, Arguments.notNull(id, "id"));
	}

	/** Asks the node that hosts agent {@code id}; works on a draining node too. */
	@Override
	public Optional<AgentDetails> inspect(String id) {
		return this.node.inspectAgent(Arguments.notNull(id, "id"));
	}

	@Override
	public List<AgentInfo> listAgents() {
		return this.node.placement().listAgents();
	}

	@Override
	public int countAgents() {
		return this.node.placement().count(ProcessKind.AGENT);
	}

	@Override
	public Subscription subscribe(String id, AgentEventListener listener) {
		return this.node.subscribe(Arguments.notNull(id, "id"), Arguments.notNull(listener, "listener"));
	}

}
