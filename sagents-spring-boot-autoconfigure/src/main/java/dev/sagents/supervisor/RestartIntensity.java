package dev.sagents.supervisor;

import java.time.Duration;

import dev.sagents.process.Arguments;

/**
 * How often a crashing process is restarted before its supervisor gives up on it: at most
 * {@code maxRestarts} restarts within any {@code window}.
 *
 * @param maxRestarts restarts allowed within the window; 0 means a crash is never restarted
 * @param window the sliding window
 */
public record RestartIntensity(int maxRestarts, Duration window) {

	public RestartIntensity {
		if (maxRestarts < 0) {
			throw new IllegalArgumentException("maxRestarts must be >= 0, got " + maxRestarts);
		}
		if (Arguments.notNull(window, "window").isNegative() || window.isZero()) {
			throw new IllegalArgumentException("window must be positive, got " + window);
		}
	}

	/** Erlang/OTP's default: 3 restarts in 5 seconds. */
	public static RestartIntensity defaults() {
		return new RestartIntensity(3, Duration.ofSeconds(5));
	}

}
