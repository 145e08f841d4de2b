package dev.sagents.horde;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.sagents.process.SagentsException;

/** Deadlines and pauses on {@link System#nanoTime()}, as the parts of a node measure them. */
final class Timing {

	private Timing() {
	}

	/** The milliseconds since {@code nanoTime} ({@link System#nanoTime()}). */
	static long millisSince(long nanoTime) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
	}

	/** What is left until {@code deadline} ({@link System#nanoTime()}), at least a nanosecond. */
	static Duration remaining(long deadline) {
		return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
	}

	/** Sleeps {@code millis}; an interrupt ends the sleep with a {@link SagentsException}, the flag kept. */
	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SagentsException("Interrupted", ex);
		}
	}

}
