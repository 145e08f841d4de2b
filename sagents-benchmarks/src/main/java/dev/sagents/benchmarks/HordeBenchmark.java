package dev.sagents.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.cluster.ClusterView;

/**
 * Horde mode: three members in three JVMs on 127.0.0.1, each with the starter's defaults
 * ({@code sagents.distribution=horde}, {@code members=auto}, so sagents starts its own Hazelcast
 * member) and only the ports, join members, node name and a temporary data directory set. This JVM
 * is the driver and one member; it runs the cluster ({@link HordeCluster}), starts the agents,
 * measures starts, lookups and calls from here, and crashes, hangs and stops members to time the
 * failovers ({@link Failover}). Prints one line per figure with the target of issue 3 and the peers'
 * figures measured on this machine.
 */
final class HordeBenchmark {

	/** The JVM property that sizes the common fork-join pool, which Hazelcast completes futures on. */
	static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** The longest warm-up of a throughput figure (see {@link Measurements#throughput}). */
	static final Duration MAX_WARM_UP = Duration.ofSeconds(40);

	/** Calls outstanding in the throughput figure and the warm-ups. */
	private static final int OUTSTANDING = 64;

	private final int count;

	private final boolean commonPoolSet;

	/** Where the figures go: stdout, which logging does not use (it goes to stderr). */
	private final PrintStream out = BenchmarkApplication.reserveStdout();

	private BenchmarkAgents agents;

	private AgentsSupervisor supervisor;

	private ClusterView view;

	/**
	 * @param count how many agents to start
	 * @param commonPoolSet whether the member JVMs get {@value #COMMON_POOL_PARALLELISM}=2 (the
	 * driver sets it for itself in {@link Benchmarks} before anything uses the pool)
	 */
	HordeBenchmark(int count, boolean commonPoolSet) {
		this.count = count;
		this.commonPoolSet = commonPoolSet;
	}

	void run() throws Exception {
		List<String> memberJvmOptions = new ArrayList<>(List.of("-Xmx512m"));
		if (this.commonPoolSet) {
			memberJvmOptions.add("-D" + COMMON_POOL_PARALLELISM + "=2");
		}
		try (HordeCluster cluster = new HordeCluster(memberJvmOptions, HordeCluster.HORDE_PORT, List.of())) {
			String parallelism = cluster.start();
			this.supervisor = cluster.supervisor();
			this.agents = new BenchmarkAgents(this.supervisor);
			this.view = cluster.view();
			this.out.printf("horde mode: 3 members on 127.0.0.1 (%s), java %s, %d cores; common pool parallelism: %s; "
					+ "driver max heap %d MiB, members -Xmx512m%n", String.join(", ", this.view.liveNodes()),
					Runtime.version(), Runtime.getRuntime().availableProcessors(), parallelism,
					Runtime.getRuntime().maxMemory() / 1048576);

			warmUpStarts();
			measureSingleCallerStarts(new SingleCallerStarts(this.supervisor, cluster.driverMember()));
			Map<String, Long> heapBefore = cluster.heapPerNode();
			startAgents();
			reportHeap(heapBefore, cluster.heapPerNode());
			List<AgentRef> remote = this.agents.remote();
			List<AgentRef> local = this.agents.local();
			measureLookups(remote);
			measureLocalCalls(local);
			HazelcastRoundTrip hazelcast = new HazelcastRoundTrip(cluster.driverMember(), TIMEOUT);
			measureRemoteCalls(remote, hazelcast);
			measureOutstandingCalls(remote, hazelcast);

			Failover failover = new Failover(cluster, this.agents::get, this.count, this.out, RecoveryProbe.WHERE);
			failover.measure("SIGKILL", MemberProcess::kill, Duration.ofMillis(250), Duration.ofSeconds(30),
					"target ≤ 1 s; Pekko 12.6 s (tuned), Horde 4.8 s");
			renewAgents("after-sigkill");
			failover.measure("SIGSTOP", MemberProcess::suspend, Duration.ofMillis(250), Duration.ofSeconds(60),
					"target ≤ 8 s; Hazelcast removes a hung member after ~5.5 s with sagents' defaults");
			renewAgents("after-sigstop");
			failover.measure("graceful exit", MemberProcess::exit, Duration.ofSeconds(1), Duration.ofSeconds(30),
					"target ≤ 1 s, none failed; Pekko 1.5 s, Horde 7.6 s and lost processes in 3 of 8 runs");
		}
	}

	/**
	 * Warms up the start, lookup and stop paths, and checks on the way that an agent is visible from
	 * this node, when another member owns it, as soon as its start returns; then starts and stops
	 * {@link #count} more as the measured starts do, because the JIT compilers of the three JVMs
	 * still took 16–35 % of their CPU time during the measured starts after the first warm-up alone.
	 */
	private void warmUpStarts() throws InterruptedException {
		int warmUp = 2_000;
		int elsewhere = 0;
		int visible = 0;
		long started = System.nanoTime();
		for (int i = 0; i < warmUp; i++) {
			AgentRef ref = this.supervisor.startAgent(AgentSpec.of("warmup-" + i)).ref();
			if (!ref.node().equals(HordeCluster.DRIVER)) {
				elsewhere++;
				visible += this.supervisor.findAgent(ref.id()).isPresent() ? 1 : 0;
			}
		}
		long elapsed = System.nanoTime() - started;
		this.out.printf("agent starts from one node, one caller at a time: %,.0f /s (%,d warm-up agents, each start "
				+ "also looked up)%n", warmUp / (elapsed / 1e9), warmUp);
		for (int i = 0; i < warmUp; i++) {
			this.supervisor.stopAgent("warmup-" + i);
		}
		this.out.printf("visible from the starting node (not the owner) when the start returns: %,d of %,d  "
				+ "[target: all; Horde 130–300 ms later]%n", visible, elsewhere);
		long round = this.agents.start("warmup-round-", this.count);
		this.out.printf("agent starts from one node, warm-up round: %,.0f /s (%,d agents, %d concurrent callers)%n",
				this.count / (round / 1e9), this.count, BenchmarkAgents.CALLERS);
		this.agents.stopAll();
	}

	/**
	 * Starts of agents another node hosts, one caller at a time, beside the sequential
	 * {@code putIfAbsent} floor made in turns with them; a first round warms up.
	 */
	private void measureSingleCallerStarts(SingleCallerStarts starts) {
		starts.measure("single-warmup-", 2_000);
		SingleCallerStarts.Result result = starts.measure("single-", 2_000);
		this.out.printf("agent starts from one node, one caller at a time, hosted by another node: %,.0f /s, %s (%,d of "
				+ "%,d); Hazelcast putIfAbsent from the same node, in turns with them: %,.0f /s, %s; starts / putIfAbsent "
				+ "%.2f×  [target ≥ 1,500 /s and ≥ 0.50×]%n", SingleCallerStarts.Result.perSecond(result.starts()),
				Measurements.p50p99(result.starts()), result.starts().length, result.all(),
				SingleCallerStarts.Result.perSecond(result.puts()), Measurements.p50p99(result.puts()), result.ratio());
	}

	private void startAgents() throws InterruptedException {
		long elapsed = this.agents.start("agent-", this.count);
		this.out.printf("agent starts from one node: %,.0f /s (%,d agents in %d ms, %d concurrent callers)  "
				+ "[target ≥ 3,000 /s; Pekko 900 /s, Horde 500–740 /s]%n", this.count / (elapsed / 1e9), this.count,
				elapsed / 1_000_000, BenchmarkAgents.CALLERS);
		this.out.printf("spread: %s%n", this.view.hostedPerNode());
	}

	/**
	 * Brings a cluster in which a replacement member joined back to where the first failover
	 * started: every agent stopped and {@link #count} new ones ({@code round-<n>}) started, so that
	 * each member hosts a third of them (running agents stay where they are when a member joins),
	 * then 10 s of calls with 64 outstanding, as before the first failover, so that the replacement
	 * JVM compiled its message paths: a fresh JVM serves calls at a fraction of the steady rate for
	 * its first seconds.
	 */
	private void renewAgents(String round) throws InterruptedException {
		int stopped = this.agents.stopAll();
		this.agents.start(round + "-", this.count);
		LongAdder failed = new LongAdder();
		long calls = Measurements.withOutstanding(this.agents.remote(), OUTSTANDING, Duration.ofSeconds(10), failed,
				HordeBenchmark::call);
		this.out.printf("agents renewed for the next failover: %,d stopped, %,d started; spread %s; then %,d warm-up "
				+ "calls, %d failed%n", stopped, this.agents.size(), this.view.hostedPerNode(), calls, failed.sum());
	}

	private void reportHeap(Map<String, Long> before, Map<String, Long> after) {
		long total = 0;
		StringBuilder perNode = new StringBuilder();
		for (Map.Entry<String, Long> node : after.entrySet()) {
			long grown = node.getValue() - before.get(node.getKey());
			total += grown;
			perNode.append((perNode.length() == 0) ? "" : ", ")
				.append(String.format("%s %.1f MiB", node.getKey(), grown / 1048576.0));
		}
		this.out.printf("heap per agent, all members: %,d B (%,d agents; %s)  [target ≤ 2 KB; Horde ~14 KB, "
				+ "Hazelcast ~200 B per small map entry and copy]%n", total / this.count, this.count, perNode);
	}

	private void measureLookups(List<AgentRef> remote) {
		int lookups = 20_000;
		long[] samples = new long[lookups];
		for (int round = 0; round < 2; round++) {
			// The first round is warm-up; the second is reported.
			for (int i = 0; i < lookups; i++) {
				String id = remote.get(i % remote.size()).id();
				long start = System.nanoTime();
				this.supervisor.findAgent(id);
				samples[i] = System.nanoTime() - start;
			}
		}
		this.out.printf("lookup (findAgent) from a non-owner: %s (%,d lookups)%n", Measurements.p50p99(samples),
				lookups);
	}

	private void measureLocalCalls(List<AgentRef> local) {
		int calls = 100_000;
		List<long[]> roundTrips = Measurements.inTurns(local, calls,
				List.of(Measurements.callAndWait(TIMEOUT), Measurements.callJoin(TIMEOUT)));
		this.out.printf("call round trip, local (agent on the driver), callAndWait: %s (%,d calls)%n",
				Measurements.p50p99(roundTrips.get(0)), calls);
		this.out.printf("call round trip, local (agent on the driver), call().join(): %s (%,d calls)%n",
				Measurements.p50p99(roundTrips.get(1)), calls);
	}

	/**
	 * Times remote calls both ways and, in turns with them, Hazelcast's own executor round trip to
	 * the same members: on a shared machine the figures of one run move together, so the gap
	 * between sagents and Hazelcast says more than either figure alone.
	 */
	private void measureRemoteCalls(List<AgentRef> remote, HazelcastRoundTrip hazelcast) {
		int calls = 10_000;
		List<long[]> roundTrips = Measurements.inTurns(remote, calls,
				List.of(Measurements.callAndWait(TIMEOUT), Measurements.callJoin(TIMEOUT), hazelcast::make));
		String comparison = "  [target p50 ≤ 150 µs, p99 ≤ 1 ms; Pekko 430 µs / 4.7 ms, Horde 139–199 µs / "
				+ "260–380 µs, Hazelcast executor 96–127 µs / 0.3–0.7 ms]";
		this.out.printf("call round trip, remote (agent on another member), callAndWait: %s (%,d calls)%s%n",
				Measurements.p50p99(roundTrips.get(0)), calls, comparison);
		this.out.printf("call round trip, remote (agent on another member), call().join(): %s (%,d calls)%s%n",
				Measurements.p50p99(roundTrips.get(1)), calls, comparison);
		double floor = Measurements.percentileMicros(roundTrips.get(2), 50);
		this.out.printf("Hazelcast's executor round trip to the same members, in turns with those calls: %s; "
				+ "sagents over it at p50: callAndWait %+.1f µs, call().join() %+.1f µs%n",
				Measurements.p50p99(roundTrips.get(2)), Measurements.percentileMicros(roundTrips.get(0), 50) - floor,
				Measurements.percentileMicros(roundTrips.get(1), 50) - floor);
	}

	/**
	 * Keeps 64 calls outstanding, first to warm up (the members' JIT compiles the message paths: the
	 * first seconds run at a fraction of the steady rate), 10 s and on until the rate is steady,
	 * then for the 5 s reported; then the same with Hazelcast's executor round trip to the same
	 * members, warmed up for 3 s and on until steady, as the yardstick of this run.
	 */
	private void measureOutstandingCalls(List<AgentRef> remote, HazelcastRoundTrip hazelcast)
			throws InterruptedException {
		Measurements.Throughput calls = Measurements.throughput(remote, OUTSTANDING, Duration.ofSeconds(10),
				MAX_WARM_UP, Duration.ofSeconds(5), HordeBenchmark::call);
		this.out.printf("remote calls with %d outstanding: %,.0f /s (%,d calls in %d ms after %.0f s of warm-up at "
				+ "%,.0f /s, %d failed)  [target ≥ 50,000 /s; raw Hazelcast executor 52k/s]%n", OUTSTANDING,
				calls.perSecond(), calls.calls(), calls.nanos() / 1_000_000, calls.warmUpNanos() / 1e9,
				calls.warmUpPerSecond(), calls.failed());
		Measurements.Throughput tasks = Measurements.throughput(remote, OUTSTANDING, Duration.ofSeconds(3),
				MAX_WARM_UP, Duration.ofSeconds(5), hazelcast::submit);
		this.out.printf("Hazelcast's executor round trip with %d outstanding, to the same members: %,.0f /s (%d "
				+ "failed, after %.0f s of warm-up)%n", OUTSTANDING, tasks.perSecond(), tasks.failed(),
				tasks.warmUpNanos() / 1e9);
	}

	private static CompletionStage<?> call(AgentRef agent) {
		return agent.call(Counter.GET, Long.class, TIMEOUT);
	}

}
