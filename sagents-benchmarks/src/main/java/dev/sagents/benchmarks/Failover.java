package dev.sagents.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.hazelcast.cluster.Cluster;
import com.hazelcast.cluster.MembershipAdapter;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.partition.PartitionService;

import dev.sagents.agent.AgentInfo;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.cluster.ClusterView;

/**
 * Measures one failover of the horde cluster: disrupts the member hosting the most agents (crash,
 * hang or graceful exit), times until each of its agents answers from another member
 * ({@link RecoveryProbe}) and when Hazelcast removed the member, prints that and where the agents
 * run afterwards, then makes sure the member is dead and starts a replacement.
 */
final class Failover {

	private final HordeCluster cluster;

	private final Function<String, AgentRef> refs;

	private final int agents;

	private final PrintStream out;

	private final RecoveryProbe.Question<AgentRef> question;

	/**
	 * @param cluster the cluster whose members are disrupted and replaced
	 * @param refs the ref of each agent the benchmark started, by id
	 * @param agents how many agents the benchmark started
	 * @param out where the figures go
	 * @param question what the probe asks each agent of the disrupted member
	 */
	Failover(HordeCluster cluster, Function<String, AgentRef> refs, int agents, PrintStream out,
			RecoveryProbe.Question<AgentRef> question) {
		this.cluster = cluster;
		this.refs = refs;
		this.agents = agents;
		this.out = out;
		this.question = question;
	}

	/**
	 * Disrupts the member hosting the most agents, times until each of them answers from another
	 * member, then makes sure it is dead and starts a replacement; returns what the probe measured.
	 */
	RecoveryProbe.Result measure(String what, MemberDisruption disruption, Duration callTimeout, Duration deadline,
			String comparison) throws Exception {
		AgentsSupervisor supervisor = this.cluster.supervisor();
		ClusterView view = this.cluster.view();
		Map<String, Integer> hosted = view.hostedPerNode();
		long settling = awaitPartitionsSettled();
		MemberProcess victim = this.cluster.members()
			.stream()
			.max(Comparator.comparingInt((member) -> hosted.getOrDefault(member.node(), 0)))
			.orElseThrow();
		List<AgentRef> victims = supervisor.listAgents()
			.stream()
			.filter((agent) -> agent.node().equals(victim.node()))
			.map((agent) -> this.refs.apply(agent.id()))
			.toList();
		RecoveryProbe<AgentRef> probe = new RecoveryProbe<>(victims, AgentRef::id, victim.node(), callTimeout,
				this.question);
		// Only the victim leaves: when Hazelcast tells, its failure detection is over and sagents' recovery begins.
		Cluster hazelcast = this.cluster.driverMember().getCluster();
		CompletableFuture<Long> removed = new CompletableFuture<>();
		UUID listener = hazelcast.addMembershipListener(new MembershipAdapter() {

			@Override
			public void memberRemoved(MembershipEvent event) {
				removed.complete(System.nanoTime());
			}

		});
		long[] disruptedAt = new long[1];
		RecoveryProbe.Result result;
		try {
			result = probe.measure(Duration.ofMillis(500), () -> {
				disruptedAt[0] = System.nanoTime();
				disruption.disrupt(victim);
			}, deadline);
		}
		finally {
			hazelcast.removeMembershipListener(listener);
		}
		String exited = "";
		if (victim.awaitExit(Duration.ofSeconds(30))) {
			exited = String.format("; its JVM ended after %.0f ms", (victim.exitNanos() - disruptedAt[0]) / 1e6);
		}
		this.cluster.remove(victim);
		this.out.printf("%s of %s (%,d agents; %,d ms waited for the partitions to settle first): %s; first after %.0f "
				+ "ms, half after %.0f ms, 90%% after %.0f ms, 99%% after %.0f ms; Hazelcast removed the member after %s%s; %,d calls failed %s; one answer from each took %.0f ms "
				+ "before  [%s]%n",
				what, victim.node(), result.agents(), settling,
				result.allBack() ? String.format("all answering elsewhere after %.0f ms", result.lastMillis())
						: String.format("only %,d answering elsewhere after %s", result.backNanos().length, deadline),
				result.firstMillis(), result.halfMillis(), result.millisAt(0.9), result.millisAt(0.99),
				removed.isDone() ? String.format("%.0f ms", (removed.join() - disruptedAt[0]) / 1e6) : "(not yet)",
				exited, result.failedCalls(), result.failures(), result.passMillis(), comparison);
		List<AgentInfo> running = supervisor.listAgents();
		this.out.printf("  then: %,d agents registered, %,d running (%,d distinct ids) of %,d; spread %s%n",
				supervisor.countAgents(), running.size(), running.stream().map(AgentInfo::id).distinct().count(),
				this.agents, view.hostedPerNode());
		Map<String, List<String>> runningOn = running.stream()
			.collect(Collectors.groupingBy(AgentInfo::id, Collectors.mapping(AgentInfo::node, Collectors.toList())));
		List<String> examples = Stream.concat(result.notBack().stream(),
				runningOn.entrySet().stream().filter((agent) -> agent.getValue().size() > 1).map(Map.Entry::getKey))
			.limit(6)
			.toList();
		for (String id : examples) {
			// What went wrong, for whoever looks into it: where the registry and the members say it is.
			this.out.printf("  %s: registered on %s, running on %s%n", id,
					supervisor.findAgent(id).map(AgentRef::node).orElse("(nowhere)"),
					runningOn.getOrDefault(id, List.of()));
		}
		this.cluster.replace();
		return result;
	}

	/**
	 * Waits until no partition moves and every backup is in sync, so that each failover starts from
	 * a settled cluster (a member that just joined receives partitions for a few seconds); returns
	 * how long that took, in milliseconds.
	 */
	private long awaitPartitionsSettled() throws InterruptedException {
		PartitionService partitions = this.cluster.driverMember().getPartitionService();
		return Await.until(partitions::isClusterSafe, () -> "The partitions did not settle within " + Await.AT_MOST);
	}

	/** What a failover measurement does to a member. */
	@FunctionalInterface
	interface MemberDisruption {

		void disrupt(MemberProcess member) throws IOException, InterruptedException;

	}

}
