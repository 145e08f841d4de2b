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

	public static <T> StartResult<T> started(T ref) {
		return new StartResult<>(ref, false);
	}

	public static <T> StartResult<T> alreadyStarted(T ref) {
		return new StartResult<>(ref, true);
	}

	/** {@code true} when this call started the process. */
	public boolean started() {
		return !this.alreadyStarted;
	}

}
