package dev.sagents.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;

import dev.sagents.agent.AgentRef;
import dev.sagents.cluster.ClusterView;
import dev.sagents.horde.HordeStructures;

/**
 * The {@code rebalance [agents]} mode: active rebalancing ({@code sagents.horde.rebalance=active})
 * on the horde benchmark's three JVMs on 127.0.0.1 ({@link HordeCluster}). The agents start while
 * two members are up (the third left gracefully first), then a third joins while callers keep
 * calling every agent: it prints the time from the member's {@code alive} until every member
 * hosts within ±20 % of its fair share, and the calls that failed meanwhile; then, as the floor,
 * the graceful handoff of the agents the third member took ({@link RecoveryProbe}: it exits, and
 * each of them answers from another member), and the ratio of the two.
 */
final class RebalanceBenchmark {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** Callers calling every agent in turn, one call at a time each, while the third member joins. */
	private static final int CALLERS = 8;

	/** How far from its fair share each member may be for the cluster to count as balanced. */
	private static final double TOLERANCE = 0.2;

	private final int count;

	private final PrintStream out = BenchmarkApplication.reserveStdout();

	RebalanceBenchmark(int count) {
		this.count = count;
	}

	void run() throws Exception {
		List<String> memberJvmOptions = List.of("-Xmx512m", "-D" + HordeBenchmark.COMMON_POOL_PARALLELISM + "=2");
		try (HordeCluster cluster = new HordeCluster(memberJvmOptions, HordeCluster.HORDE_PORT,
				List.of("--sagents.horde.rebalance=active"))) {
			cluster.start();
			cluster.leave(cluster.members().get(1));
			ClusterView view = cluster.view();
			BenchmarkAgents agents = new BenchmarkAgents(cluster.supervisor());
			agents.start("agent-", this.count);
			this.out.printf("rebalance: %,d agents started on 2 members (%s), java %s, %d cores; "
					+ "sagents.horde.rebalance=active, batches of 250, 20 ms apart%n", this.count, view.hostedPerNode(),
					Runtime.version(), Runtime.getRuntime().availableProcessors());
			IMap<String, HazelcastJsonValue> statuses = cluster.driverMember().getMap(HordeStructures.MEMBERS_MAP);
			AtomicLong aliveAt = new AtomicLong();
			UUID listener = statuses.addEntryListener((EntryAddedListener<String, HazelcastJsonValue>) (event) -> {
				if (event.getValue().getValue().contains("ALIVE")) {
					aliveAt.compareAndSet(0, System.nanoTime());
				}
			}, true);
			Callers callers = new Callers(agents.all());
			cluster.replace();
			long balancedAt = awaitBalanced(view);
			Callers.Tally during = callers.stop();
			statuses.removeEntryListener(listener);
			double balancedMillis = (balancedAt - aliveAt.get()) / 1e6;
			this.out.printf("third member joined: balanced (each member within ±20 %% of %,d) %.0f ms after it "
					+ "announced alive; %,d calls made meanwhile, %,d failed  [target: 0 failed]; spread then %s%n",
					this.count / 3, balancedMillis, during.calls(), during.failed(), view.hostedPerNode());
			double floorMillis = gracefulHandoff(cluster, agents);
			this.out.printf("rebalance over the graceful handoff of as many agents: %.2f×%n", balancedMillis / floorMillis);
		}
	}

	/** Waits until every member hosts within {@link #TOLERANCE} of its fair share; returns when ({@link System#nanoTime()}). */
	private long awaitBalanced(ClusterView view) throws InterruptedException {
		Await.until(() -> balanced(view.hostedPerNode()), () -> "Not balanced: " + view.hostedPerNode());
		return System.nanoTime();
	}

	private boolean balanced(Map<String, Integer> hosted) {
		double fair = this.count / 3.0;
		return hosted.size() == 3
				&& hosted.values().stream().allMatch((agents) -> Math.abs(agents - fair) <= TOLERANCE * fair);
	}

	/**
	 * The floor: the member that joined exits gracefully, and each agent it hosts answers from
	 * another member; returns after how long the last did, in milliseconds.
	 */
	private double gracefulHandoff(HordeCluster cluster, BenchmarkAgents agents) throws Exception {
		MemberProcess joined = cluster.members().get(cluster.members().size() - 1);
		List<AgentRef> moved = cluster.supervisor().listAgents().stream()
			.filter((agent) -> agent.node().equals(joined.node()))
			.map((agent) -> agents.get(agent.id()))
			.toList();
		RecoveryProbe<AgentRef> probe = new RecoveryProbe<>(moved, AgentRef::id, joined.node(), Duration.ofSeconds(1),
				RecoveryProbe.WHERE);
		RecoveryProbe.Result result = probe.measure(Duration.ofMillis(500), joined::exit, Duration.ofSeconds(30));
		this.out.printf("floor, graceful handoff of the %,d agents it took (it exits): %s; %,d calls failed%n",
				result.agents(), result.allBack() ? String.format("all answering elsewhere after %.0f ms",
						result.lastMillis()) : String.format("only %,d answering elsewhere", result.backNanos().length),
				result.failedCalls());
		return result.lastMillis();
	}

	/** Callers that call every agent in turn until stopped, counting the calls and the failures. */
	private static final class Callers {

		private final AtomicBoolean calling = new AtomicBoolean(true);

		private final LongAdder calls = new LongAdder();

		private final LongAdder failed = new LongAdder();

		private final List<CompletableFuture<Void>> running = new ArrayList<>();

		/** Threads of their own: the common pool, which Hazelcast completes futures on, stays free. */
		private final ExecutorService threads = Executors.newFixedThreadPool(CALLERS);

		Callers(List<AgentRef> agents) {
			for (int caller = 0; caller < CALLERS; caller++) {
				int first = caller;
				this.running.add(CompletableFuture.runAsync(() -> {
					for (int i = first; this.calling.get(); i += CALLERS) {
						call(agents.get(i % agents.size()));
					}
				}, this.threads));
			}
		}

		private void call(AgentRef agent) {
			try {
				agent.callAndWait(Counter.GET, Long.class, TIMEOUT);
			}
			catch (RuntimeException ex) {
				this.failed.increment();
			}
			this.calls.increment();
		}

		Tally stop() {
			this.calling.set(false);
			CompletableFuture.allOf(this.running.toArray(CompletableFuture[]::new)).join();
			this.threads.shutdown();
			return new Tally(this.calls.sum(), this.failed.sum());
		}

		record Tally(long calls, long failed) {
		}

	}

}
