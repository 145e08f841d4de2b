package dev.sagents.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.hazelcast.cluster.Cluster;
import com.hazelcast.cluster.MembershipAdapter;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.PartitionService;
import org.springframework.context.ConfigurableApplicationContext;

import dev.sagents.agent.AgentInfo;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.cluster.ClusterView;
import dev.sagents.cluster.Member;
import dev.sagents.cluster.MemberStatus;
import dev.sagents.cluster.SagentsInstance;

/**
 * Horde mode: three members in three JVMs on 127.0.0.1, each with the starter's defaults
 * ({@code sagents.distribution=horde}, {@code members=auto}, so sagents starts its own Hazelcast
 * member) and only the ports, join members, node name and a temporary data directory set. This JVM
 * is the driver and one member; it launches the others ({@link MemberProcess}), starts the agents,
 * measures from here, and crashes, hangs and stops members to time the failovers. Prints one line
 * per figure with the target of issue 3 and the peers' figures measured on this machine.
 */
final class HordeBenchmark {

	/** The JVM property that sizes the common fork-join pool, which Hazelcast completes futures on. */
	static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

	private static final String DRIVER = "driver";

	private static final int FIRST_PORT = 6400;

	/** Every member looks for the others on the first five ports; replacements take a freed one. */
	private static final String JOIN_MEMBERS = Stream.iterate(FIRST_PORT, (port) -> port + 1)
		.limit(5)
		.map((port) -> "127.0.0.1:" + port)
		.collect(Collectors.joining(","));

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** The longest warm-up of a throughput figure (see {@link Measurements#throughput}). */
	static final Duration MAX_WARM_UP = Duration.ofSeconds(40);

	/** Calls outstanding in the throughput figure and the warm-ups. */
	private static final int OUTSTANDING = 64;

	/** Callers starting agents at once from the driver. */
	private static final int START_CALLERS = 32;

	static final Duration MEMBER_START = Duration.ofSeconds(120);

	private final int agents;

	private final boolean commonPoolSet;

	/** Where the figures go: stdout, which logging does not use (it goes to stderr). */
	private final PrintStream out = BenchmarkApplication.reserveStdout();

	/** Every member JVM launched, dead or alive, so that all are killed at the end. */
	private final List<MemberProcess> launched = new ArrayList<>();

	/** The member JVMs in the cluster now. */
	private final List<MemberProcess> members = new ArrayList<>();

	private final Map<String, AgentRef> refs = new ConcurrentHashMap<>();

	private Path dataDirectory;

	private AgentsSupervisor supervisor;

	private ClusterView view;

	/** The Hazelcast member sagents started in this JVM. */
	private HazelcastInstance driverMember;

	/**
	 * @param agents how many agents to start
	 * @param commonPoolSet whether the member JVMs get {@value #COMMON_POOL_PARALLELISM}=2 (the
	 * driver sets it for itself in {@link Benchmarks} before anything uses the pool)
	 */
	HordeBenchmark(int agents, boolean commonPoolSet) {
		this.agents = agents;
		this.commonPoolSet = commonPoolSet;
	}

	void run() throws Exception {
		this.dataDirectory = Files.createTempDirectory("sagents-horde-benchmark");
		Thread killMembers = new Thread(this::killMembers, "kill benchmark members");
		Runtime.getRuntime().addShutdownHook(killMembers);
		ConfigurableApplicationContext context = null;
		try {
			context = BenchmarkApplication.start(memberProperties(DRIVER));
			this.supervisor = context.getBean(AgentsSupervisor.class);
			this.view = context.getBean(ClusterView.class);
			this.driverMember = Hazelcast.getHazelcastInstanceByName(HazelcastRoundTrip.INSTANCE_NAME_PREFIX + DRIVER);
			List<MemberProcess> first = List.of(launch(), launch());
			StringBuilder parallelism = new StringBuilder(DRIVER + " " + ForkJoinPool.getCommonPoolParallelism());
			for (MemberProcess member : first) {
				parallelism.append(", ").append(member.node()).append(' ').append(member.awaitReady(MEMBER_START));
				this.members.add(member);
			}
			awaitCluster();
			this.out.printf("horde mode: 3 members on 127.0.0.1 (%s), java %s, %d cores; common pool parallelism: %s; "
					+ "driver max heap %d MiB, members -Xmx512m%n", String.join(", ", this.view.liveNodes()),
					Runtime.version(), Runtime.getRuntime().availableProcessors(), parallelism,
					Runtime.getRuntime().maxMemory() / 1048576);

			warmUpStarts();
			Map<String, Long> heapBefore = heapPerNode();
			startAgents();
			reportHeap(heapBefore, heapPerNode());
			List<AgentRef> remote = remoteAgents();
			List<AgentRef> local = this.refs.values().stream().filter((ref) -> ref.node().equals(DRIVER)).toList();
			measureLookups(remote);
			measureLocalCalls(local);
			HazelcastRoundTrip hazelcast = new HazelcastRoundTrip(this.driverMember, TIMEOUT);
			measureRemoteCalls(remote, hazelcast);
			measureOutstandingCalls(remote, hazelcast);

			failOver("SIGKILL", MemberProcess::kill, Duration.ofMillis(250), Duration.ofSeconds(30),
					"target ≤ 1 s; Pekko 12.6 s (tuned), Horde 4.8 s");
			renewAgents("after-sigkill");
			failOver("SIGSTOP", MemberProcess::suspend, Duration.ofMillis(250), Duration.ofSeconds(60),
					"target ≤ 8 s; Hazelcast removes a hung member after ~5.5 s with sagents' defaults");
			renewAgents("after-sigstop");
			failOver("graceful exit", MemberProcess::exit, Duration.ofSeconds(1), Duration.ofSeconds(30),
					"target ≤ 1 s, none failed; Pekko 1.5 s, Horde 7.6 s and lost processes in 3 of 8 runs");
		}
		finally {
			killMembers();
			if (context != null) {
				context.close();
			}
			deleteDataDirectory();
		}
	}

	/** The {@code --name=value} arguments of member {@code node}: the defaults, but for ports, node name and data. */
	private List<String> memberPropertyList(String node) {
		return List.of("--sagents.distribution=horde", "--sagents.node-name=" + node,
				"--sagents.horde.network.port=" + FIRST_PORT, "--sagents.horde.network.join-members=" + JOIN_MEMBERS,
				"--sagents.filesystem.base-directory=" + this.dataDirectory.resolve(node));
	}

	private String[] memberProperties(String node) {
		return memberPropertyList(node).toArray(String[]::new);
	}

	private MemberProcess launch() throws IOException {
		String node = "member-" + (this.launched.size() + 1);
		List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m"));
		if (this.commonPoolSet) {
			jvmOptions.add("-D" + COMMON_POOL_PARALLELISM + "=2");
		}
		MemberProcess member = MemberProcess.launch("horde-member", node, jvmOptions, memberPropertyList(node));
		this.launched.add(member);
		return member;
	}

	/** Starts a member in place of one that left, and waits until the cluster counts three members again. */
	private void replace() throws Exception {
		MemberProcess member = launch();
		member.awaitReady(MEMBER_START);
		this.members.add(member);
		awaitCluster();
	}

	/** Waits until every member runs its supervisor and the three member sets agree with the live nodes. */
	private void awaitCluster() throws InterruptedException {
		awaitUntil(this::clusterFormed, () -> "The cluster did not form: " + this.view.members());
	}

	/**
	 * Polls {@code condition} until it holds, for {@link #MEMBER_START} at most (then fails with
	 * {@code failure}); returns how long that took, in milliseconds.
	 */
	static long awaitUntil(BooleanSupplier condition, Supplier<String> failure) throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + MEMBER_START.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException(failure.get());
			}
			Thread.sleep(50);
		}
		return (System.nanoTime() - start) / 1_000_000;
	}

	private boolean clusterFormed() {
		List<Member> members = this.view.members().get(SagentsInstance.AGENTS_SUPERVISOR);
		return this.view.consistent() && members.size() == this.members.size() + 1
				&& members.stream().allMatch((member) -> member.status() == MemberStatus.ALIVE);
	}

	/**
	 * Warms up the start, lookup and stop paths, and checks on the way that an agent is visible from
	 * this node, when another member owns it, as soon as its start returns; then starts and stops
	 * {@link #agents} more as the measured starts do, because the JIT compilers of the three JVMs
	 * still took 16–35 % of their CPU time during the measured starts after the first warm-up alone.
	 */
	private void warmUpStarts() throws InterruptedException {
		int warmUp = 2_000;
		int elsewhere = 0;
		int visible = 0;
		long started = System.nanoTime();
		for (int i = 0; i < warmUp; i++) {
			AgentRef ref = this.supervisor.startAgent(AgentSpec.of("warmup-" + i)).ref();
			if (!ref.node().equals(DRIVER)) {
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
		long round = startAgents("warmup-round-");
		this.out.printf("agent starts from one node, warm-up round: %,.0f /s (%,d agents, %d concurrent callers)%n",
				this.agents / (round / 1e9), this.agents, START_CALLERS);
		stopAgents();
	}

	private void startAgents() throws InterruptedException {
		long elapsed = startAgents("agent-");
		this.out.printf("agent starts from one node: %,.0f /s (%,d agents in %d ms, %d concurrent callers)  "
				+ "[target ≥ 3,000 /s; Pekko 900 /s, Horde 500–740 /s]%n", this.agents / (elapsed / 1e9), this.agents,
				elapsed / 1_000_000, START_CALLERS);
		this.out.printf("spread: %s%n", this.view.hostedPerNode());
	}

	/** Starts {@link #agents} agents named {@code prefix<n>} and returns how long it took, in nanoseconds. */
	private long startAgents(String prefix) throws InterruptedException {
		long start = System.nanoTime();
		// A node starts agents for many requests at once, as a web tier does: 32 callers.
		inParallel(IntStream.range(0, this.agents).mapToObj((i) -> prefix + i).toList(), (id) -> {
			AgentRef ref = this.supervisor.startAgent(AgentSpec.of(id)).ref();
			this.refs.put(ref.id(), ref);
		});
		return System.nanoTime() - start;
	}

	/** Runs {@code task} for each of {@code ids}, {@link #START_CALLERS} at a time, and waits until all ran. */
	private static void inParallel(List<String> ids, Consumer<String> task) throws InterruptedException {
		ExecutorService callers = Executors.newFixedThreadPool(START_CALLERS);
		try {
			ids.forEach((id) -> callers.execute(() -> task.accept(id)));
		}
		finally {
			callers.shutdown();
			callers.awaitTermination(10, TimeUnit.MINUTES);
		}
	}

	/**
	 * Brings a cluster in which a replacement member joined back to where the first failover
	 * started: every agent stopped and {@link #agents} new ones ({@code round-<n>}) started, so that
	 * each member hosts a third of them (running agents stay where they are when a member joins),
	 * then 10 s of calls with 64 outstanding, as before the first failover, so that the replacement
	 * JVM compiled its message paths: a fresh JVM serves calls at a fraction of the steady rate for
	 * its first seconds.
	 */
	private void renewAgents(String round) throws InterruptedException {
		int stopped = stopAgents();
		startAgents(round + "-");
		LongAdder failed = new LongAdder();
		long calls = Measurements.withOutstanding(remoteAgents(), OUTSTANDING, Duration.ofSeconds(10), failed,
				HordeBenchmark::call);
		this.out.printf("agents renewed for the next failover: %,d stopped, %,d started; spread %s; then %,d warm-up "
				+ "calls, %d failed%n", stopped, this.refs.size(), this.view.hostedPerNode(), calls, failed.sum());
	}

	/** Stops every agent the benchmark started and forgets them; returns how many. */
	private int stopAgents() throws InterruptedException {
		List<String> running = List.copyOf(this.refs.keySet());
		inParallel(running, this.supervisor::stopAgent);
		this.refs.clear();
		return running.size();
	}

	private List<AgentRef> remoteAgents() {
		return this.refs.values().stream().filter((ref) -> !ref.node().equals(DRIVER)).toList();
	}

	/** The used heap after GC of every member, by node; the members collect at the same time. */
	private Map<String, Long> heapPerNode() throws InterruptedException {
		this.members.forEach(MemberProcess::requestHeap);
		Map<String, Long> heap = new LinkedHashMap<>();
		heap.put(DRIVER, Measurements.usedHeapAfterGc());
		for (MemberProcess member : this.members) {
			heap.put(member.node(), member.awaitHeap());
		}
		return heap;
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
				+ "Hazelcast ~200 B per small map entry and copy]%n", total / this.agents, this.agents, perNode);
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

	/**
	 * Disrupts the member hosting the most agents, times until each of them answers from another
	 * member, then makes sure it is dead and starts a replacement.
	 */
	private void failOver(String what, MemberDisruption disruption, Duration callTimeout, Duration deadline,
			String comparison) throws Exception {
		Map<String, Integer> hosted = this.view.hostedPerNode();
		long settling = awaitPartitionsSettled();
		MemberProcess victim = this.members.stream()
			.max(Comparator.comparingInt((member) -> hosted.getOrDefault(member.node(), 0)))
			.orElseThrow();
		List<AgentRef> victims = this.supervisor.listAgents()
			.stream()
			.filter((agent) -> agent.node().equals(victim.node()))
			.map((agent) -> this.refs.get(agent.id()))
			.toList();
		RecoveryProbe probe = new RecoveryProbe(victims, victim.node(), callTimeout);
		// Only the victim leaves: when Hazelcast tells, its failure detection is over and sagents' recovery begins.
		Cluster cluster = this.driverMember.getCluster();
		CompletableFuture<Long> removed = new CompletableFuture<>();
		UUID listener = cluster.addMembershipListener(new MembershipAdapter() {

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
			cluster.removeMembershipListener(listener);
		}
		String exited = "";
		if (victim.awaitExit(Duration.ofSeconds(30))) {
			exited = String.format("; its JVM ended after %.0f ms", (victim.exitNanos() - disruptedAt[0]) / 1e6);
		}
		victim.close();
		this.members.remove(victim);
		this.out.printf("%s of %s (%,d agents; %,d ms waited for the partitions to settle first): %s; first after %.0f "
				+ "ms, half after %.0f ms, 90%% after %.0f ms, 99%% after %.0f ms; Hazelcast removed the member after %s%s; %,d calls failed %s; one answer from each took %.0f ms "
				+ "before  [%s]%n",
				what, victim.node(), result.agents(), settling,
				result.allBack() ? String.format("all answering elsewhere after %.0f ms", result.lastMillis())
						: String.format("only %,d answering elsewhere after %s", result.backNanos().length, deadline),
				result.firstMillis(), result.halfMillis(), result.millisAt(0.9), result.millisAt(0.99),
				removed.isDone() ? String.format("%.0f ms", (removed.join() - disruptedAt[0]) / 1e6) : "(not yet)",
				exited, result.failedCalls(), result.failures(), result.passMillis(), comparison);
		List<AgentInfo> running = this.supervisor.listAgents();
		this.out.printf("  then: %,d agents registered, %,d running (%,d distinct ids) of %,d; spread %s%n",
				this.supervisor.countAgents(), running.size(), running.stream().map(AgentInfo::id).distinct().count(),
				this.agents, this.view.hostedPerNode());
		Map<String, List<String>> runningOn = running.stream()
			.collect(Collectors.groupingBy(AgentInfo::id, Collectors.mapping(AgentInfo::node, Collectors.toList())));
		List<String> examples = Stream.concat(result.notBack().stream(),
				runningOn.entrySet().stream().filter((agent) -> agent.getValue().size() > 1).map(Map.Entry::getKey))
			.limit(6)
			.toList();
		for (String id : examples) {
			// What went wrong, for whoever looks into it: where the registry and the members say it is.
			this.out.printf("  %s: registered on %s, running on %s%n", id,
					this.supervisor.findAgent(id).map(AgentRef::node).orElse("(nowhere)"),
					runningOn.getOrDefault(id, List.of()));
		}
		replace();
	}

	/**
	 * Waits until no partition moves and every backup is in sync, so that each failover starts from
	 * a settled cluster (a member that just joined receives partitions for a few seconds); returns
	 * how long that took, in milliseconds.
	 */
	private long awaitPartitionsSettled() throws InterruptedException {
		PartitionService partitions = this.driverMember.getPartitionService();
		return awaitUntil(partitions::isClusterSafe, () -> "The partitions did not settle within " + MEMBER_START);
	}

	private void killMembers() {
		MemberProcess.closeAll(this.launched);
	}

	private void deleteDataDirectory() throws IOException {
		try (Stream<Path> paths = Files.walk(this.dataDirectory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/** What a fail-over measurement does to a member. */
	@FunctionalInterface
	private interface MemberDisruption {

		void disrupt(MemberProcess member) throws IOException, InterruptedException;

	}

}
