package dev.sagents.benchmarks;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * How the benchmarks wait for their member JVMs and clusters: a member to be ready, a cluster to
 * form, the partitions to settle. Each wait polls, ends at a deadline with an error that says what
 * did not happen, and tells how long it took.
 */
final class Await {

	/** The longest wait: a member JVM starts its application context on a shared two-core machine. */
	static final Duration AT_MOST = Duration.ofSeconds(120);

	private Await() {
	}

	/**
	 * Polls {@code condition} until it holds, for {@link #AT_MOST} at most (then fails with
	 * {@code failure}); returns how long that took, in milliseconds.
	 */
	static long until(BooleanSupplier condition, Supplier<String> failure) throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + AT_MOST.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException(failure.get());
			}
			Thread.sleep(50);
		}
		return (System.nanoTime() - start) / 1_000_000;
	}

}
