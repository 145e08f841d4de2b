package dev.sagents.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import dev.sagents.agent.AgentInfo;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;

/**
 * sagents' side of the horde-vs-pekko mode: the horde mode's cluster ({@link HordeCluster}) on
 * free ports with a cluster name of its own; a start is {@code startAgent} and a first
 * {@code callAndWait}, as Pekko's is its first message to a fresh entity.
 */
final class SagentsCompared implements ComparedCluster {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final HordeCluster cluster;

	/** The refs of the agents asked, by id: a ref finds its agent wherever it runs now. */
	private final Map<String, AgentRef> refs = new ConcurrentHashMap<>();

	SagentsCompared(List<String> memberJvmOptions) throws Exception {
		this.cluster = new HordeCluster(memberJvmOptions, LoopbackPorts.block(HordeCluster.JOIN_PORTS),
				List.of("--sagents.horde.cluster-name=" + LoopbackPorts.clusterName("horde-vs-pekko"),
						"--sagents.horde.network.port-count=" + HordeCluster.JOIN_PORTS));
	}

	/** One start, as the driver and the members ({@link HordeMember}) make it. */
	static String firstAnswer(AgentsSupervisor supervisor, String id) {
		return supervisor.startAgent(AgentSpec.of(id)).ref().callAndWait(Counter.WHERE, String.class, TIMEOUT);
	}

	@Override
	public void start() throws Exception {
		this.cluster.start();
	}

	@Override
	public String firstAnswer(String id) {
		return firstAnswer(this.cluster.supervisor(), id);
	}

	@Override
	public CompletionStage<String> where(String id, Duration timeout) {
		AgentRef agent = this.refs.get(id);
		if (agent == null) {
			Optional<AgentRef> found = this.cluster.supervisor().findAgent(id);
			if (found.isEmpty()) {
				// Between a crash and its restart elsewhere: a failed call, which the probe counts and retries.
				return CompletableFuture.failedFuture(new IllegalStateException("Agent " + id + " is not registered"));
			}
			agent = found.get();
			this.refs.put(id, agent);
		}
		return agent.call(Counter.WHERE, String.class, timeout);
	}

	@Override
	public Map<String, String> nodes(List<String> ids) {
		Set<String> wanted = Set.copyOf(ids);
		return this.cluster.supervisor()
			.listAgents()
			.stream()
			.filter((agent) -> wanted.contains(agent.id()))
			.collect(Collectors.toMap(AgentInfo::id, AgentInfo::node, (first, second) -> first));
	}

	@Override
	public void settle() throws InterruptedException {
		Await.until(this.cluster.driverMember().getPartitionService()::isClusterSafe,
				() -> "The partitions did not settle within " + Await.AT_MOST);
	}

	@Override
	public List<MemberProcess> members() {
		return this.cluster.members();
	}

	@Override
	public void remove(MemberProcess member) throws InterruptedException {
		this.cluster.remove(member);
	}

	@Override
	public void replace() throws Exception {
		this.cluster.replace();
	}

	@Override
	public void close() throws Exception {
		this.cluster.close();
	}

}
