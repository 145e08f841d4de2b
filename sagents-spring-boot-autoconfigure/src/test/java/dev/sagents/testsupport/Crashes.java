package dev.sagents.testsupport;

import java.time.Duration;
import java.util.concurrent.Callable;

import static org.awaitility.Awaitility.await;

/**
 * Crashes a process again and again to hold its supervisor to the restart limit to the crash:
 * {@code maxRestarts} crashes within the window are restarted and the next one is not, while
 * crashes further apart than the window are forgotten. Works for any process, local or across
 * members: the test says how to crash it once and how to see that it serves again.
 */
public final class Crashes {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private Crashes() {
	}

	/**
	 * Crashes the process {@code maxRestarts} times, checking after each crash that it was
	 * restarted and serves, then once more, and waits until {@code givenUp} holds.
	 *
	 * @param crash crashes the process once and checks that the request failed
	 * @param serves checks that the process serves a request; throws if it does not
	 * @param givenUp whether the supervisor gave up on the process
	 */
	public static void survivesExactly(int maxRestarts, Runnable crash, Runnable serves, Callable<Boolean> givenUp) {
		for (int crashes = 1; crashes <= maxRestarts; crashes++) {
			crash.run();
			servesAfter(crashes, serves);
		}
		crash.run();
		await("given up at crash " + (maxRestarts + 1)).atMost(TIMEOUT).until(givenUp);
	}

	/**
	 * Crashes the process {@code times} times, each once the restart before is older than
	 * {@code window}, and checks after each crash that it was restarted and serves.
	 *
	 * @param crash crashes the process once and checks that the request failed
	 * @param serves checks that the process serves a request; throws if it does not
	 */
	public static void survivesCrashesFurtherApartThan(Duration window, int times, Runnable crash, Runnable serves) {
		for (int crashes = 1; crashes <= times; crashes++) {
			crash.run();
			servesAfter(crashes, serves);
			// The restart was counted before the process served: past this deadline it left the window.
			Deadlines.awaitPassed(System.nanoTime(), window);
		}
	}

	private static void servesAfter(int crashes, Runnable serves) {
		try {
			serves.run();
		}
		catch (RuntimeException | AssertionError ex) {
			throw new AssertionError("The process does not serve after crash " + crashes, ex);
		}
	}

}
