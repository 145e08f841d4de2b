package dev.sagents.supervisor;

/**
 * What a start returned: the running process and whether this call started it or found it
 * already running.
 *
 * @param <T> the reference type
 * @param ref the running process
 * @param alreadyStarted {@code true} when the process was running before this call
 */
public record StartResult<T>(T ref, boolean alreadyStarted) {

	/** {@code ref} was started by this call. */
	public static <T> StartResult<T> startedNow(T ref) {
		return new StartResult<>(ref, false);
	}

	/** {@code ref} was running before this call. */
	public static <T> StartResult<T> foundRunning(T ref) {
		return new StartResult<>(ref, true);
	}

	/** {@code true} when this call started the process. */
	public boolean started() {
		return !this.alreadyStarted;
	}

}
