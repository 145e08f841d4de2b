package dev.sagents.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.hazelcast.map.IMap;

import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;

/**
 * The {@code concurrent-starts} mode: agent starts from all three JVMs of the horde cluster at once,
 * {@value BenchmarkAgents#CALLERS} callers in each, beside Hazelcast's own {@code putIfAbsent} of
 * fresh keys from the same three JVMs with as many callers, the registration no start can skip; in
 * turns, several rounds, each start a start alone (no call after it), so both sides keep the same
 * number in flight from the same JVMs. Prints each round and the ratio.
 */
final class ConcurrentStartsBenchmark {

	/** The map of the {@code putIfAbsent} floor, on every member. */
	static final String FLOOR_MAP = "sagents-benchmark-concurrent-put-if-absent";

	private final int count;

	private final int rounds;

	private final PrintStream out = BenchmarkApplication.reserveStdout();

	ConcurrentStartsBenchmark(int count, int rounds) {
		this.count = count;
		this.rounds = rounds;
	}

	void run() throws Exception {
		try (HordeCluster cluster = new HordeCluster(
				List.of("-Xmx512m", "-D" + HordeBenchmark.COMMON_POOL_PARALLELISM + "=2"), HordeCluster.HORDE_PORT,
				List.of())) {
			cluster.start();
			this.out.printf("concurrent-starts: 3 JVMs on 127.0.0.1, %d callers in each, %,d agents a round; java %s, "
					+ "%d cores%n", BenchmarkAgents.CALLERS, this.count, Runtime.version(),
					Runtime.getRuntime().availableProcessors());
			AgentsSupervisor supervisor = cluster.supervisor();
			IMap<String, String> floor = cluster.driverMember().getMap(FLOOR_MAP);
			double[] ratios = new double[this.rounds];
			round(cluster, supervisor, floor, "warmup-", -1);
			for (int round = 0; round < this.rounds; round++) {
				ratios[round] = round(cluster, supervisor, floor, "round" + round + "-", round);
			}
			Arrays.sort(ratios);
			this.out.printf("starts from all 3 JVMs / putIfAbsent from all 3 JVMs, same number in flight: median %.2f× "
					+ "(rounds %.2f×–%.2f×)  [target ≥ 0.80×]%n", ratios[this.rounds / 2], ratios[0],
					ratios[this.rounds - 1]);
		}
	}

	/** One round of starts then {@code putIfAbsent}s; returns the ratio of their rates. */
	private double round(HordeCluster cluster, AgentsSupervisor supervisor, IMap<String, String> floor, String prefix,
			int round) throws InterruptedException {
		ConcurrentStarts.Result starts = ConcurrentStarts.fromEveryJvm(cluster.members(),
				ConcurrentStarts.STARTS_ONLY, (id) -> supervisor.startAgent(AgentSpec.of(id)), prefix, this.count);
		ConcurrentStarts.Result puts = ConcurrentStarts.fromEveryJvm(cluster.members(), ConcurrentStarts.PUTS,
				(id) -> floor.putIfAbsent(id, id), prefix, this.count);
		double ratio = starts.perSecond() / puts.perSecond();
		this.out.printf("%s: starts from all 3 JVMs: %,.0f /s (%d failed); putIfAbsent from all 3 JVMs: %,.0f /s "
				+ "(%d failed); ratio %.2f×%n", (round < 0) ? "warm-up" : "round " + (round + 1), starts.perSecond(),
				starts.failed(), puts.perSecond(), puts.failed(), ratio);
		floor.clear();
		List<String> ids = new ArrayList<>(starts.ids());
		BenchmarkAgents.inParallel(ids, supervisor::stopAgent);
		return ratio;
	}

}
