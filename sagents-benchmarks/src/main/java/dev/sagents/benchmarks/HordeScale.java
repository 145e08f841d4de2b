package dev.sagents.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

import com.hazelcast.map.IMap;

import dev.sagents.agent.AgentRef;

/**
 * The {@code scale-horde} mode: the horde cluster of three JVMs on 127.0.0.1 ({@link HordeCluster},
 * members {@code -Xmx2g}) at each of several agent counts (by default 10,000 and 100,000), a fresh
 * cluster for each: the heap the agents take on all members, starts per second from the driver
 * ({@value BenchmarkAgents#CALLERS} callers) beside Hazelcast's own {@code putIfAbsent} from the same
 * JVM with as many callers, on the same cluster, and the time until every agent of the member that
 * hosts most answers from another after its SIGKILL and after its graceful exit ({@link Failover}),
 * beside one probe pass over those agents before (the floor of answering them all, timed after a
 * first pass that compiles the call paths, and printed beside calls to a few agents in turns, which
 * shows whether a call to one of many distinct agents costs more); then how each cost grows from one
 * count to the next.
 */
final class HordeScale {

	private static final List<String> MEMBER_JVM_OPTIONS = List.of("-Xmx2g",
			"-D" + HordeBenchmark.COMMON_POOL_PARALLELISM + "=2");

	/** Calls outstanding in a pass over the agents, as in the failover's probe. */
	private static final int OUTSTANDING = 64;

	/** How many agents the calls go to in turns, beside the pass over all of them. */
	private static final int FEW = 1_000;

	private static final Duration FAILOVER_DEADLINE = Duration.ofSeconds(60);

	private final List<Integer> counts;

	private final PrintStream out = BenchmarkApplication.reserveStdout();

	HordeScale(List<Integer> counts) {
		this.counts = counts;
	}

	void run() throws Exception {
		this.out.printf("scale-horde: 3 JVMs on 127.0.0.1, a fresh cluster for each count; java %s, %d cores; driver "
				+ "max heap %d MiB (100,000 agents need about -Xmx3g), members %s%n", Runtime.version(),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1048576,
				MEMBER_JVM_OPTIONS);
		List<Row> rows = new ArrayList<>();
		for (int count : this.counts) {
			rows.add(measure(count));
		}
		printGrowth(rows);
	}

	private Row measure(int count) throws Exception {
		try (HordeCluster cluster = new HordeCluster(MEMBER_JVM_OPTIONS, HordeCluster.HORDE_PORT, List.of())) {
			cluster.start();
			BenchmarkAgents agents = new BenchmarkAgents(cluster.supervisor());
			IMap<String, String> floorMap = cluster.driverMember().getMap("scale-floor");
			agents.start("warmup-", Math.min(count, 20_000));
			agents.stopAll();
			putIfAbsent(floorMap, "warmup-", Math.min(count, 20_000));
			floorMap.clear();

			Map<String, Long> heapBefore = cluster.heapPerNode();
			double starts = count / (agents.start("agent-", count) / 1e9);
			long bytes = grown(heapBefore, cluster.heapPerNode()) / count;
			double floor = count / (putIfAbsent(floorMap, "agent-", count) / 1e9);
			floorMap.destroy();
			this.out.printf("%,d agents: starts from one node, %d callers: %,.0f /s, %.2f× Hazelcast putIfAbsent with "
					+ "as many callers (%,.0f /s); heap per agent, all members: %,d B; spread %s%n", count,
					BenchmarkAgents.CALLERS, starts, starts / floor, floor, bytes, cluster.view().hostedPerNode());

			Failover failover = new Failover(cluster, agents::get, count, this.out, RecoveryProbe.WHERE);
			double firstPass = passMillis(agents.all());
			double killedPass = passMillis(agents.all());
			this.out.printf("one pass over the %,d agents, %d calls outstanding: %.0f ms the first after the starts, "
					+ "%.0f ms the next%n", count, OUTSTANDING, firstPass, killedPass);
			printDistinctVersusFew(agents.remote());
			RecoveryProbe.Result killed = failover.measure("SIGKILL", MemberProcess::kill, Duration.ofMillis(250),
					FAILOVER_DEADLINE, "target ≤ 1.5 s at 100,000 agents");
			// The replacement joined empty: start the agents afresh so that the next victim hosts a third again.
			agents.stopAll();
			agents.start("renewed-", count);
			double exitedPass = passMillis(agents.all());
			RecoveryProbe.Result exited = failover.measure("graceful exit", MemberProcess::exit, Duration.ofSeconds(1),
					FAILOVER_DEADLINE, "target ≤ 1.5 s at 100,000 agents, none failed");
			return new Row(count, starts, floor, bytes, new Recovery(killed, killedPass / count),
					new Recovery(exited, exitedPass / count));
		}
	}

	/**
	 * Asks every agent where it runs once, {@value #OUTSTANDING} calls outstanding as the failover's
	 * probe keeps them; returns how long the pass took, in milliseconds: the floor of getting an
	 * answer from each of so many agents at all, on this machine at this moment.
	 */
	private static double passMillis(List<AgentRef> agents) throws InterruptedException {
		Semaphore window = new Semaphore(OUTSTANDING);
		long started = System.nanoTime();
		for (AgentRef agent : agents) {
			window.acquire();
			RecoveryProbe.WHERE.ask(agent, Duration.ofSeconds(10)).whenComplete((node, error) -> window.release());
		}
		window.acquire(OUTSTANDING);
		return (System.nanoTime() - started) / 1e6;
	}

	/**
	 * Whether a call costs more when the calls go to many distinct agents: one pass over
	 * {@code remote} (the agents of the other members), then as many calls to {@value #FEW} of them
	 * in turns, both with {@value #OUTSTANDING} calls outstanding.
	 */
	private void printDistinctVersusFew(List<AgentRef> remote) throws InterruptedException {
		List<AgentRef> few = remote.subList(0, Math.min(FEW, remote.size()));
		List<AgentRef> turns = new ArrayList<>(remote.size());
		for (int i = 0; i < remote.size(); i++) {
			turns.add(few.get(i % few.size()));
		}
		double distinct = passMillis(remote);
		double repeated = passMillis(turns);
		this.out.printf("%,d remote calls, %d outstanding: %,.0f /s to %,d distinct agents, %,.0f /s to %,d of them in "
				+ "turns (%.2f×)%n", remote.size(), OUTSTANDING, remote.size() / (distinct / 1e3), remote.size(),
				remote.size() / (repeated / 1e3), few.size(), repeated / distinct);
	}

	/** Puts {@code count} entries with as many callers as the starts; returns how long it took, in nanoseconds. */
	private static long putIfAbsent(IMap<String, String> map, String prefix, int count) throws InterruptedException {
		List<String> ids = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			ids.add(prefix + i);
		}
		long started = System.nanoTime();
		BenchmarkAgents.inParallel(ids, (id) -> map.putIfAbsent(id, HordeCluster.DRIVER));
		return System.nanoTime() - started;
	}

	private static long grown(Map<String, Long> before, Map<String, Long> after) {
		return after.entrySet().stream().mapToLong((node) -> node.getValue() - before.get(node.getKey())).sum();
	}

	/** How each cost grew from one count to the next: 1.00× a step is linear growth. */
	private void printGrowth(List<Row> rows) {
		for (Row row : rows) {
			this.out.printf("%,9d agents: starts %,.0f /s (%.2f× putIfAbsent), heap %,d B an agent; SIGKILL: %s; "
					+ "graceful exit: %s%n", row.count(), row.starts(), row.starts() / row.floor(), row.bytes(),
					row.killed(), row.exited());
		}
		for (int i = 1; i < rows.size(); i++) {
			Row from = rows.get(i - 1);
			Row to = rows.get(i);
			this.out.printf("from %,d to %,d agents (%.0f×): heap per agent %.2f×, time per start %.2f× (putIfAbsent "
					+ "%.2f×), SIGKILL recovery per agent moved %.2f×, graceful exit per agent moved %.2f×; 1.00× is linear%n",
					from.count(), to.count(), (double) to.count() / from.count(), (double) to.bytes() / from.bytes(),
					from.starts() / to.starts(), from.floor() / to.floor(),
					to.killed().millisPerAgent() / from.killed().millisPerAgent(),
					to.exited().millisPerAgent() / from.exited().millisPerAgent());
		}
	}

	/** A failover and the floor beside it: one pass over the agents before, per agent. */
	private record Recovery(RecoveryProbe.Result result, double passMillisPerAgent) {

		double millisPerAgent() {
			return this.result.lastMillis() / this.result.agents();
		}

		@Override
		public String toString() {
			double pass = this.passMillisPerAgent * this.result.agents();
			return this.result.allBack()
					? String.format("%,d agents answering elsewhere after %.0f ms, %.1f× one pass over as many before "
							+ "(%.0f ms); %,d calls failed", this.result.agents(), this.result.lastMillis(),
							this.result.lastMillis() / pass, pass, this.result.failedCalls())
					: String.format("%,d agents, not all answering elsewhere by the deadline", this.result.agents());
		}

	}

	private record Row(int count, double starts, double floor, long bytes, Recovery killed, Recovery exited) {
	}

}
