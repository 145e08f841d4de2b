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
	 * Times {@code calls} calls of {@link Counter#GET} over {@code targets} in turn, each way: with
	 * {@code callAndWait} and with {@code call().join()}, twice, the first time as warm-up. The two
	 * ways take turns call by call, each going first every other time: timed one loop after the
	 * other, whichever loop ran first measured slower at p50 (by 1–217 µs in four runs here), so the
	 * gap told the order, not the way of calling.
	 */
	static CallRoundTrips callRoundTrips(List<AgentRef> targets, int calls, Duration timeout) {
		long[] blocking = new long[calls];
		long[] async = new long[calls];
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < calls; i++) {
				AgentRef agent = targets.get(i % targets.size());
				if (i % 2 == 0) {
					blocking[i] = timeCallAndWait(agent, timeout);
					async[i] = timeCallJoin(agent, timeout);
				}
				else {
					async[i] = timeCallJoin(agent, timeout);
					blocking[i] = timeCallAndWait(agent, timeout);
				}
			}
		}
		return new CallRoundTrips(blocking, async);
	}

	private static long timeCallAndWait(AgentRef agent, Duration timeout) {
		long start = System.nanoTime();
		agent.callAndWait(Counter.GET, Long.class, timeout);
		return System.nanoTime() - start;
	}

	private static long timeCallJoin(AgentRef agent, Duration timeout) {
		long start = System.nanoTime();
		agent.call(Counter.GET, Long.class, timeout).join();
		return System.nanoTime() - start;
	}

	/** The heap this JVM uses once garbage was collected (a few collections, to let finalizers and references settle). */
	static long usedHeapAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/**
	 * Call round trips in nanoseconds.
	 *
	 * @param blocking with {@code callAndWait}
	 * @param async with {@code call().join()}
	 */
	record CallRoundTrips(long[] blocking, long[] async) {
	}

}
