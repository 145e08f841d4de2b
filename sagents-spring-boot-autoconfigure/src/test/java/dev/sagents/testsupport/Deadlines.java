package dev.sagents.testsupport;

import java.time.Duration;
import java.util.function.IntConsumer;

import static org.awaitility.Awaitility.await;

/**
 * Waiting on the clock, for the few tests whose subject is time itself (an inactivity timeout, a
 * restart window): they wait for a deadline to pass, and assert on what the code did by then, never
 * on how long it took.
 */
public final class Deadlines {

	private static final Duration POLL = Duration.ofMillis(10);

	private Deadlines() {
	}

	/** Waits until more than {@code span} passed since {@code startNanos}, a {@link System#nanoTime()}. */
	public static void awaitPassed(long startNanos, Duration span) {
		await().atMost(span.plusSeconds(30))
			.pollInterval(POLL)
			.until(() -> System.nanoTime() - startNanos > span.toNanos());
	}

	/**
	 * Runs {@code action} with 1, 2, 3... every {@code interval} until {@code span} passed since the
	 * first run, which lets {@code span} pass with something happening all along.
	 */
	public static void repeatFor(Duration span, Duration interval, IntConsumer action) {
		long start = System.nanoTime();
		for (int run = 1; System.nanoTime() - start <= span.toNanos(); run++) {
			long ran = System.nanoTime();
			action.accept(run);
			awaitPassed(ran, interval);
		}
	}

}
