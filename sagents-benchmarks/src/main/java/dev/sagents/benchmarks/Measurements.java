package dev.sagents.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

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

	/** The heap this JVM uses once garbage was collected (a few collections, to let finalizers and references settle). */
	static long usedHeapAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
