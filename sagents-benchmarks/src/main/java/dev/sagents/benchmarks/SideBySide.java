package dev.sagents.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code horde-vs-pekko} mode: the same workloads on sagents' horde cluster
 * ({@link SagentsCompared}) and then on Pekko Cluster Sharding ({@link PekkoCluster}), each on
 * three JVMs on 127.0.0.1, one after the other in this run; prints one table, each sagents figure
 * beside Pekko's and their ratio ({@link SideBySideTable}).
 */
final class SideBySide {

	private static final int WARM_UP_STARTS = 2_000;

	private static final int SINGLE_CALLER_STARTS = 2_000;

	private static final int CALLS = 10_000;

	private final int count;

	private final List<String> memberJvmOptions = List.of("-Xmx512m",
			"-D" + HordeBenchmark.COMMON_POOL_PARALLELISM + "=2");

	private final PrintStream out = BenchmarkApplication.reserveStdout();

	/** @param count how many agents the concurrent starts start, and the failovers move */
	SideBySide(int count) {
		this.count = count;
	}

	void run() throws Exception {
		this.out.printf("horde-vs-pekko: 3 JVMs on 127.0.0.1 for each, one after the other; java %s, %d cores, "
				+ "members %s%n", Runtime.version(), Runtime.getRuntime().availableProcessors(), this.memberJvmOptions);
		Map<SideBySideTable.Figure, Double> sagents;
		try (ComparedCluster cluster = new SagentsCompared(this.memberJvmOptions)) {
			sagents = measure("sagents", cluster);
		}
		Map<SideBySideTable.Figure, Double> pekko;
		try (ComparedCluster cluster = new PekkoCluster(this.memberJvmOptions)) {
			pekko = measure("pekko", cluster);
		}
		new SideBySideTable(sagents, pekko).print(this.out);
	}

	/** The workloads, in order, on {@code cluster}; prints each figure as it comes. */
	Map<SideBySideTable.Figure, Double> measure(String name, ComparedCluster cluster) throws Exception {
		Map<SideBySideTable.Figure, Double> figures = new EnumMap<>(SideBySideTable.Figure.class);
		cluster.start();
		singleCallerStarts(name, cluster, "warmup-", WARM_UP_STARTS);
		double[] single = singleCallerStarts(name, cluster, "single-", SINGLE_CALLER_STARTS);
		figures.put(SideBySideTable.Figure.SINGLE_CALLER_STARTS, single[0]);
		figures.put(SideBySideTable.Figure.SINGLE_CALLER_START_P50, single[1]);
		ConcurrentStarts.fromEveryJvm(cluster.members(), cluster::firstAnswer, "warmup-round-", this.count);
		ConcurrentStarts.Result starts = ConcurrentStarts.fromEveryJvm(cluster.members(), cluster::firstAnswer,
				"agent-", this.count);
		figures.put(SideBySideTable.Figure.CONCURRENT_STARTS, starts.perSecond());
		this.out.printf("%s: starts from all 3 JVMs, %d callers each: %,.0f /s (%,d agents, %d failed)%n", name,
				BenchmarkAgents.CALLERS, starts.perSecond(), starts.ids().size(), starts.failed());

		Map<String, String> nodes = cluster.nodes(starts.ids());
		List<String> remote = starts.ids()
			.stream()
			.filter((id) -> nodes.containsKey(id) && !nodes.get(id).equals(ComparedCluster.DRIVER))
			.toList();
		long[] calls = Measurements.inTurns(remote, CALLS,
				List.<Measurements.RoundTrip<String>>of((id) -> cluster.where(id, Duration.ofSeconds(10))
					.toCompletableFuture()
					.join()))
			.get(0);
		figures.put(SideBySideTable.Figure.CALL_P50, Measurements.percentileMicros(calls, 50));
		figures.put(SideBySideTable.Figure.CALL_P99, Measurements.percentileMicros(calls, 99));
		this.out.printf("%s: call round trip to an agent on another member: %s (%,d calls)%n", name,
				Measurements.p50p99(calls), CALLS);

		RecoveryProbe.Result kill = failover(name, "SIGKILL", cluster, starts.ids(), MemberProcess::kill,
				Duration.ofMillis(250));
		figures.put(SideBySideTable.Figure.SIGKILL, kill.allBack() ? kill.lastMillis() : Double.NaN);
		figures.put(SideBySideTable.Figure.SIGKILL_FAILED, (double) kill.failedCalls());
		RecoveryProbe.Result exit = failover(name, "graceful exit", cluster, starts.ids(), MemberProcess::exit,
				Duration.ofSeconds(1));
		figures.put(SideBySideTable.Figure.GRACEFUL, exit.allBack() ? exit.lastMillis() : Double.NaN);
		figures.put(SideBySideTable.Figure.GRACEFUL_FAILED, (double) exit.failedCalls());
		return figures;
	}

	/**
	 * Starts {@code starts} agents one at a time from the driver; returns, over those another node
	 * hosts, the starts per second and the p50 of one start in microseconds.
	 */
	private double[] singleCallerStarts(String name, ComparedCluster cluster, String prefix, int starts) {
		List<Long> elsewhere = new ArrayList<>();
		for (int i = 0; i < starts; i++) {
			long start = System.nanoTime();
			String node = cluster.firstAnswer(prefix + i);
			long took = System.nanoTime() - start;
			if (!node.equals(ComparedCluster.DRIVER)) {
				elsewhere.add(took);
			}
		}
		long[] samples = elsewhere.stream().mapToLong(Long::longValue).toArray();
		double perSecond = samples.length / (elsewhere.stream().mapToLong(Long::longValue).sum() / 1e9);
		this.out.printf("%s: starts from the driver, one caller at a time, hosted by another node (%s): %,.0f /s, "
				+ "%s (%,d of %,d)%n", name, prefix, perSecond, Measurements.p50p99(samples), samples.length, starts);
		return new double[] { perSecond, Measurements.percentileMicros(samples, 50) };
	}

	/**
	 * Disrupts the member hosting the most of {@code ids}, times until each of its agents answers
	 * from another node, then replaces the member.
	 */
	private RecoveryProbe.Result failover(String name, String what, ComparedCluster cluster, List<String> ids,
			Failover.MemberDisruption disruption, Duration callTimeout) throws Exception {
		cluster.settle();
		Map<String, List<String>> hosted = cluster.nodes(ids)
			.entrySet()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getValue,
					Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
		MemberProcess victim = cluster.members()
			.stream()
			.max(Comparator.comparingInt((member) -> hosted.getOrDefault(member.node(), List.of()).size()))
			.orElseThrow();
		RecoveryProbe<String> probe = new RecoveryProbe<>(hosted.getOrDefault(victim.node(), List.of()), (id) -> id,
				victim.node(), callTimeout, cluster::where);
		RecoveryProbe.Result result = probe.measure(Duration.ofMillis(500), () -> disruption.disrupt(victim),
				Duration.ofSeconds(60));
		victim.awaitExit(Duration.ofSeconds(30));
		cluster.remove(victim);
		this.out.printf("%s: %s of %s (%,d agents): %s; half after %.0f ms; %,d calls failed %s%n", name, what,
				victim.node(), result.agents(),
				result.allBack() ? String.format("all answering elsewhere after %.0f ms", result.lastMillis())
						: String.format("only %,d answering elsewhere after 60 s", result.backNanos().length),
				result.halfMillis(), result.failedCalls(), result.failures());
		cluster.replace();
		return result;
	}

}
