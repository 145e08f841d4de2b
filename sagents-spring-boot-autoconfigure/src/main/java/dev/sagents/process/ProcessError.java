package dev.sagents.process;

import java.time.Instant;

/**
 * The last exception a process's handler threw (a crash it was restarted from), for inspection.
 *
 * @param message the exception, as {@code ClassName: message}
 * @param at when it was thrown
 */
public record ProcessError(String message, Instant at) {

	/** {@code error}, thrown now. */
	public static ProcessError of(Throwable error) {
		return new ProcessError(String.valueOf(error), Instant.now());
	}

}
