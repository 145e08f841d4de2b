package dev.sagents.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;

/**
 * Local mode on one JVM, auto-configured with the starter's defaults (5-minute inactivity timeout,
 * no persistence, the default executor): agent starts per second, call round trip, cast throughput and heap per
 * idle agent, and the call round trips' floor, a thread-to-thread hand-off ({@link HandOffFloor}) timed in turn
 * with them. Prints one line per figure.
 */
final class LocalBenchmark {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final int agents;

	LocalBenchmark(int agents) {
		this.agents = agents;
	}

	void run() throws Exception {
		try (ConfigurableApplicationContext context = BenchmarkApplication.start("--sagents.node-name=bench")) {
			AgentsSupervisor supervisor = context.getBean(AgentsSupervisor.class);
			System.out.printf("local mode: executor %s, java %s, %d cores, max heap %d MiB%n",
					context.getBean("sagentsExecutor").getClass().getSimpleName(), Runtime.version(),
					Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1048576);

			long heapBefore = Measurements.usedHeapAfterGc();
			List<AgentRef> refs = startAgents(supervisor);
			long heapAfter = Measurements.usedHeapAfterGc();
			System.out.printf("heap per idle agent: %,d B (%,d agents, %.1f MiB in all)%n",
					(heapAfter - heapBefore) / this.agents, this.agents, (heapAfter - heapBefore) / 1048576.0);

			measureCalls(refs);
			measureCasts(refs.subList(0, 1000));
		}
	}

	private List<AgentRef> startAgents(AgentsSupervisor supervisor) {
		// Warm up the start path on agents that are stopped again, then time the real run.
		for (int i = 0; i < 20_000; i++) {
			supervisor.startAgent(AgentSpec.of("warmup-" + i));
		}
		for (int i = 0; i < 20_000; i++) {
			supervisor.stopAgent("warmup-" + i);
		}
		List<AgentRef> refs = new ArrayList<>(this.agents);
		long start = System.nanoTime();
		for (int i = 0; i < this.agents; i++) {
			refs.add(supervisor.startAgent(AgentSpec.of("agent-" + i)).ref());
		}
		long elapsed = System.nanoTime() - start;
		System.out.printf("agent starts: %,.0f /s (%,d agents in %d ms, one thread)%n",
				this.agents / (elapsed / 1e9), this.agents, elapsed / 1_000_000);
		return refs;
	}

	private void measureCalls(List<AgentRef> refs) {
		int calls = 200_000;
		List<long[]> roundTrips;
		try (HandOffFloor floor = new HandOffFloor()) {
			roundTrips = Measurements.inTurns(refs, calls, List.of(Measurements.callAndWait(TIMEOUT),
					Measurements.callJoin(TIMEOUT), floor.asRoundTrip()));
		}
		double floorP50 = Measurements.percentileMicros(roundTrips.get(2), 50);
		System.out.printf("call round trip, callAndWait: %s (%,d calls)%n", Measurements.p50p99(roundTrips.get(0)),
				calls);
		System.out.printf("call round trip, call().join(): %s (%,d calls); p50 %.2f× the hand-off floor%n",
				Measurements.p50p99(roundTrips.get(1)), calls,
				Measurements.percentileMicros(roundTrips.get(1), 50) / floorP50);
		System.out.printf("hand-off floor, a thread-to-thread round trip: %s (%,d round trips, in turn with the calls)%n",
				Measurements.p50p99(roundTrips.get(2)), calls);
	}

	private void measureCasts(List<AgentRef> targets) {
		int casts = 5_000_000;
		for (int round = 0; round < 2; round++) {
			long before = handled(targets);
			long start = System.nanoTime();
			for (int i = 0; i < casts; i++) {
				targets.get(i % targets.size()).cast(Counter.TICK);
			}
			long sent = System.nanoTime() - start;
			long expected = before + casts;
			while (handled(targets) < expected) {
				Thread.onSpinWait();
			}
			long elapsed = System.nanoTime() - start;
			if (round == 1) {
				System.out.printf("casts: %,.0f /s handled (%,d casts over %,d agents in %d ms; sending took %d ms)%n",
						casts / (elapsed / 1e9), casts, targets.size(), elapsed / 1_000_000, sent / 1_000_000);
			}
		}
	}

	/** What {@code targets} handled in all ({@link Counter#GET}). */
	static long handled(List<AgentRef> targets) {
		long sum = 0;
		for (AgentRef agent : targets) {
			sum += agent.callAndWait(Counter.GET, Long.class, TIMEOUT);
		}
		return sum;
	}

}
