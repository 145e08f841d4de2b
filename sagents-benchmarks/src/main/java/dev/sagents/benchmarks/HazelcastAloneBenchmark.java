package dev.sagents.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;

/**
 * The {@code hazelcast} mode: Hazelcast alone, without sagents, on the same machine and in the
 * same shape as the horde mode — three members in three JVMs on 127.0.0.1, this JVM the driver
 * and one member. It measures the executor round trip that issue 3 quotes as the floor of a remote
 * call, as the horde mode measures sagents' calls: 10,000 calls after as many of warm-up, taking
 * turns between the two other members, and then 64 outstanding, warmed up until the rate is
 * steady ({@link Measurements#throughput}). The machine is shared and its speed moves from
 * minute to minute, so it does that for several rounds and prints each, to re-measure the floor
 * the horde mode's figures stand on.
 */
final class HazelcastAloneBenchmark {

	private static final int FIRST_PORT = 6420;

	private static final int MEMBERS = 3;

	private static final String JOIN_MEMBERS = IntStream.range(FIRST_PORT, FIRST_PORT + MEMBERS)
		.mapToObj((port) -> "127.0.0.1:" + port)
		.collect(Collectors.joining(","));

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final int CALLS = 10_000;

	private static final int OUTSTANDING = 64;

	private final int rounds;

	/** Where the figures go: stdout, which logging does not use. */
	private final PrintStream out = BenchmarkApplication.reserveStdout();

	private final List<MemberProcess> members = new ArrayList<>();

	HazelcastAloneBenchmark(int rounds) {
		this.rounds = rounds;
	}

	void run() throws Exception {
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> MemberProcess.closeAll(this.members), "kill benchmark members"));
		HazelcastInstance driver = HazelcastMember.start("driver", FIRST_PORT, JOIN_MEMBERS);
		try {
			StringBuilder parallelism = new StringBuilder("driver " + ForkJoinPool.getCommonPoolParallelism());
			for (int i = 1; i < MEMBERS; i++) {
				String node = "member-" + i;
				MemberProcess member = MemberProcess.launch("hazelcast-member", node,
						List.of("-Xmx512m", "-D" + HordeBenchmark.COMMON_POOL_PARALLELISM + "=2"),
						List.of(node, Integer.toString(FIRST_PORT + i), JOIN_MEMBERS));
				this.members.add(member);
				int memberParallelism = member.awaitReady(Await.AT_MOST);
				parallelism.append(", ").append(node).append(' ').append(memberParallelism);
			}
			Await.until(() -> driver.getCluster().getMembers().size() == MEMBERS,
					() -> "The cluster did not form: " + driver.getCluster().getMembers());
			this.out.printf("Hazelcast %s alone: %d members on 127.0.0.1, java %s, %d cores; common pool "
					+ "parallelism: %s%n", driver.getCluster().getClusterVersion(), MEMBERS, Runtime.version(),
					Runtime.getRuntime().availableProcessors(), parallelism);
			HazelcastRoundTrip roundTrip = new HazelcastRoundTrip(driver, TIMEOUT);
			List<Member> remote = driver.getCluster()
				.getMembers()
				.stream()
				.filter((member) -> !member.localMember())
				.toList();
			for (int round = 1; round <= this.rounds; round++) {
				measure(round, remote, roundTrip);
			}
		}
		finally {
			for (MemberProcess member : this.members) {
				member.exit();
			}
			for (MemberProcess member : this.members) {
				member.awaitExit(TIMEOUT);
			}
			driver.shutdown();
			MemberProcess.closeAll(this.members);
		}
	}

	private void measure(int round, List<Member> remote, HazelcastRoundTrip roundTrip) throws InterruptedException {
		List<long[]> samples = Measurements.inTurns(remote, CALLS, List.of(roundTrip::make));
		Measurements.Throughput calls = Measurements.throughput(remote, OUTSTANDING, Duration.ofSeconds(10),
				HordeBenchmark.MAX_WARM_UP, Duration.ofSeconds(5), roundTrip::submit);
		this.out.printf("round %d: executor round trip to another member %s (%,d calls); with %d outstanding "
				+ "%,.0f /s (%d failed, after %.0f s of warm-up)  [issue 3: 96–127 µs / 0.3–0.7 ms; 52k/s]%n", round,
				Measurements.p50p99(samples.get(0)), CALLS, OUTSTANDING, calls.perSecond(), calls.failed(),
				calls.warmUpNanos() / 1e9);
	}

}
