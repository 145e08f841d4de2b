package dev.sagents.process;

/** A process could not start: its initialization (e.g. loading persisted state) threw. Nothing was registered. */
public class ProcessStartException extends SagentsException {

	private final ProcessKey key;

	public ProcessStartException(ProcessKey key, Throwable cause) {
		super("Process '" + key + "' failed to start: " + cause, cause);
		this.key = key;
	}

	public ProcessKey key() {
		return this.key;
	}

}
