package dev.sagents.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.context.ConfigurableApplicationContext;

import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.observation.SagentsObservations;

/**
 * What observing calls and casts costs in local mode: two nodes in this JVM, the starter's
 * defaults on both, one with {@code sagents.observations.enabled=true} under Spring Boot's default
 * observation handlers (those of an application with metrics and no tracing: a timer and a
 * long-task timer per observation), the other as by default (not observed). Calls are timed in
 * turn on both, so each figure of the observed node is printed beside the other's as a ratio; so
 * are casts, one node after the other, twice.
 */
final class ObservationsBenchmark {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final int agents;

	ObservationsBenchmark(int agents) {
		this.agents = agents;
	}

	void run() {
		try (ConfigurableApplicationContext plain = BenchmarkApplication.start("--sagents.node-name=plain");
				ConfigurableApplicationContext observed = BenchmarkApplication.start("--sagents.node-name=observed",
						"--sagents.observations.enabled=true")) {
			ObservationRegistry registry = observed.getBean(ObservationRegistry.class);
			System.out.printf("observations: %s over a registry with handlers: %s; the other node observes %s%n",
					observed.getBean(LocalProcessRuntime.class).observations().getClass().getSimpleName(),
					!registry.isNoop(),
					(plain.getBean(LocalProcessRuntime.class).observations() == SagentsObservations.NONE) ? "nothing"
							: "too");
			List<AgentRef> plainRefs = startAgents(plain.getBean(AgentsSupervisor.class));
			List<AgentRef> observedRefs = startAgents(observed.getBean(AgentsSupervisor.class));
			measureCalls(plainRefs, observedRefs);
			measureCasts(plainRefs.subList(0, Math.min(1000, this.agents)),
					observedRefs.subList(0, Math.min(1000, this.agents)));
		}
	}

	private List<AgentRef> startAgents(AgentsSupervisor supervisor) {
		List<AgentRef> refs = new ArrayList<>(this.agents);
		for (int i = 0; i < this.agents; i++) {
			refs.add(supervisor.startAgent(AgentSpec.of("agent-" + i)).ref());
		}
		return refs;
	}

	private void measureCalls(List<AgentRef> plain, List<AgentRef> observed) {
		int calls = 200_000;
		List<Integer> indexes = new ArrayList<>(this.agents);
		for (int i = 0; i < this.agents; i++) {
			indexes.add(i);
		}
		Measurements.RoundTrip<AgentRef> callAndWait = Measurements.callAndWait(TIMEOUT);
		Measurements.RoundTrip<AgentRef> callJoin = Measurements.callJoin(TIMEOUT);
		List<long[]> samples = Measurements.inTurns(indexes, calls,
				List.of((i) -> callAndWait.make(plain.get(i)), (i) -> callAndWait.make(observed.get(i)),
						(i) -> callJoin.make(plain.get(i)), (i) -> callJoin.make(observed.get(i))));
		print("callAndWait", samples.get(0), samples.get(1), calls);
		print("call().join()", samples.get(2), samples.get(3), calls);
	}

	private static void print(String way, long[] plain, long[] observed, int calls) {
		System.out.printf("%s observed: %s; not observed: %s (%,d calls each, in turn); p50 %.2f×, p99 %.2f×%n", way,
				Measurements.p50p99(observed), Measurements.p50p99(plain), calls,
				Measurements.percentileMicros(observed, 50) / Measurements.percentileMicros(plain, 50),
				Measurements.percentileMicros(observed, 99) / Measurements.percentileMicros(plain, 99));
	}

	private static void measureCasts(List<AgentRef> plain, List<AgentRef> observed) {
		int casts = 2_000_000;
		double plainRate = 0;
		double observedRate = 0;
		for (int round = 0; round < 2; round++) {
			plainRate = castRate(plain, casts);
			observedRate = castRate(observed, casts);
		}
		System.out.printf("casts handled observed: %,.0f /s; not observed: %,.0f /s (%,d casts over %,d agents, "
				+ "second of two rounds); %.2f× the time%n", observedRate, plainRate, casts, plain.size(),
				plainRate / observedRate);
	}

	/** Casts to {@code targets} until all were handled; returns the casts handled per second. */
	private static double castRate(List<AgentRef> targets, int casts) {
		long before = LocalBenchmark.handled(targets);
		long start = System.nanoTime();
		for (int i = 0; i < casts; i++) {
			targets.get(i % targets.size()).cast(Counter.TICK);
		}
		long expected = before + casts;
		while (LocalBenchmark.handled(targets) < expected) {
			Thread.onSpinWait();
		}
		return casts / ((System.nanoTime() - start) / 1e9);
	}

}
