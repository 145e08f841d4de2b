package dev.sagents.dashboard;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import dev.sagents.agent.AgentInfo;
import dev.sagents.cluster.ClusterView;
import dev.sagents.cluster.Member;
import dev.sagents.cluster.SagentsInstance;
import dev.sagents.dashboard.DashboardSnapshot.FailureView;
import dev.sagents.dashboard.DashboardSnapshot.FailuresView;
import dev.sagents.dashboard.DashboardSnapshot.InstanceView;
import dev.sagents.dashboard.DashboardSnapshot.MemberView;
import dev.sagents.dashboard.DashboardSnapshot.NodeAgents;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessRef;
import dev.sagents.process.SagentsException;
import dev.sagents.registry.ProcessRegistry;
import dev.sagents.supervisor.ProcessFailure;
import dev.sagents.supervisor.ProcessFailureLog;

/**
 * Takes the dashboard's pictures of this node's view of the cluster, and looks up where an agent
 * runs. Never fails on a registry that cannot answer: that part of the picture is then empty.
 */
public final class DashboardSnapshots {

	/** How many agent ids the page lists per node; the count covers them all. */
	public static final int IDS_SHOWN = 100;

	private final ClusterView clusterView;

	private final ProcessRegistry registry;

	private final ProcessFailureLog failures;

	private final Supplier<List<AgentInfo>> agents;

	private final DashboardRates rates;

	private final Clock clock;

	/**
	 * @param clusterView this node's view of the cluster
	 * @param registry the process registry, for the searched agents and its state
	 * @param failures the processes given up
	 * @param agents every agent of the cluster with its node, {@code null} on a node that runs no
	 * agents supervisor; may throw {@link SagentsException} while the registry is unavailable
	 * @param rates the watched meters
	 * @param clock when a picture is taken
	 */
	public DashboardSnapshots(ClusterView clusterView, ProcessRegistry registry, ProcessFailureLog failures,
			Supplier<List<AgentInfo>> agents, DashboardRates rates, Clock clock) {
		this.clusterView = clusterView;
		this.registry = registry;
		this.failures = failures;
		this.agents = agents;
		this.rates = rates;
		this.clock = clock;
	}

	/** The picture now. */
	public DashboardSnapshot take() {
		List<InstanceView> instances = this.clusterView.members()
			.entrySet()
			.stream()
			.map((entry) -> instanceView(entry.getKey(), entry.getValue()))
			.toList();
		List<String> hostedHere = this.clusterView.hostedHere(ProcessKind.AGENT)
			.stream()
			.map(ProcessKey::id)
			.sorted()
			.limit(IDS_SHOWN)
			.toList();
		List<FailureView> recent = this.failures.recent().stream().map(DashboardSnapshots::failureView).toList();
		return new DashboardSnapshot(this.clock.instant(), this.clusterView.localNode(),
				lowerCase(this.clusterView.distribution()), this.clusterView.joined(), this.clusterView.consistent(),
				lowerCase(this.registry.state()), instances, agentsPerNode(), hostedHere, this.rates.sample(),
				new FailuresView(this.failures.total(), recent));
	}

	/**
	 * Where agent {@code id} runs; {@link IllegalArgumentException} for an id no agent may have,
	 * {@link dev.sagents.registry.RegistryUnavailableException} while the registry cannot answer.
	 */
	public AgentLocation locate(String id) {
		if (!ProcessKey.isValidId(id)) {
			throw new IllegalArgumentException(
					"An agent id is 1 to 128 letters, digits, '.', '_', ':' or '-'");
		}
		return this.registry.lookup(ProcessKey.agent(id))
			.map((ref) -> located(id, ref))
			.orElseGet(() -> new AgentLocation(id, false, null, false));
	}

	private static AgentLocation located(String id, ProcessRef ref) {
		return new AgentLocation(id, true, ref.node(), ref.isAlive());
	}

	private List<NodeAgents> agentsPerNode() {
		if (this.agents == null || !this.registry.isAvailable()) {
			return null;
		}
		List<AgentInfo> all;
		try {
			all = this.agents.get();
		}
		catch (SagentsException ex) {
			// The registry began draining, or a member left, while the agents were gathered.
			return null;
		}
		Map<String, List<String>> byNode = new TreeMap<>();
		this.clusterView.liveNodes().forEach((node) -> byNode.put(node, new ArrayList<>()));
		all.forEach((agent) -> byNode.computeIfAbsent(agent.node(), (node) -> new ArrayList<>()).add(agent.id()));
		return byNode.entrySet().stream().map((entry) -> nodeAgents(entry.getKey(), entry.getValue())).toList();
	}

	private static NodeAgents nodeAgents(String node, List<String> ids) {
		return new NodeAgents(node, ids.size(), ids.stream().sorted().limit(IDS_SHOWN).toList());
	}

	private static InstanceView instanceView(SagentsInstance instance, List<Member> members) {
		return new InstanceView(instance.value(),
				members.stream().map((member) -> new MemberView(member.node(), member.status().value())).toList());
	}

	private static FailureView failureView(ProcessFailure failure) {
		return new FailureView(failure.key().toString(), failure.node(), failure.at(), failure.restarts(),
				failure.lastError());
	}

	private static String lowerCase(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}
