package dev.sagents.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import dev.sagents.agent.AgentRef;

/** What the benchmarks measure with: percentiles of samples and the used heap after garbage collection. */
final class Measurements {

	private Measurements() {
	}

	/** The {@code percent}th percentile of {@code samples} (nanoseconds in, microseconds out). */
	static double percentileMicros(long[] samples, int percent) {
		long[] sorted = samples.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1e3;
	}

	/** {@code "p50 x µs, p99 y µs"} of samples in nanoseconds. */
	static String p50p99(long[] samples) {
		return String.format("p50 %.1f µs, p99 %.1f µs", percentileMicros(samples, 50), percentileMicros(samples, 99));
	}

	/**
	 * Times {@code calls} round trips over {@code targets} in turn, each of {@code ways}, twice, the
	 * first time as warm-up; returns the samples of each way, in nanoseconds, in the order of
	 * {@code ways}. The ways take turns call by call, each going first as often as the others: timed
	 * one loop after the other, whichever loop ran first measured slower at p50 (by 1–217 µs in four
	 * runs here), so a gap told the order, not the way.
	 */
	static List<long[]> inTurns(List<AgentRef> targets, int calls, List<RoundTrip> ways) {
		List<long[]> samples = ways.stream().map((way) -> new long[calls]).toList();
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < calls; i++) {
				AgentRef agent = targets.get(i % targets.size());
				for (int turn = 0; turn < ways.size(); turn++) {
					int way = (i + turn) % ways.size();
					long start = System.nanoTime();
					ways.get(way).make(agent);
					samples.get(way)[i] = System.nanoTime() - start;
				}
			}
		}
		return samples;
	}

	/** A round trip with {@code callAndWait}. */
	static RoundTrip callAndWait(Duration timeout) {
		return (agent) -> agent.callAndWait(Counter.GET, Long.class, timeout);
	}

	/** A round trip with {@code call().join()}. */
	static RoundTrip callJoin(Duration timeout) {
		return (agent) -> agent.call(Counter.GET, Long.class, timeout).join();
	}

	/** The heap this JVM uses once garbage was collected (a few collections, to let finalizers and references settle). */
	static long usedHeapAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/** One round trip to an agent, or to the member that hosts it, made by the calling thread. */
	@FunctionalInterface
	interface RoundTrip {

		void make(AgentRef agent);

	}

}
