package dev.sagents.process;

/**
 * The handler threw while handling this call. The process was restarted by its supervisor (or
 * stopped, past the restart limit); the handler's exception is the cause.
 */
public class ProcessFailedException extends SagentsException {

	private final ProcessKey key;

	public ProcessFailedException(ProcessKey key, Throwable cause) {
		super("Process '" + key + "' failed handling the call: " + cause, cause);
		this.key = key;
	}

	public ProcessKey key() {
		return this.key;
	}

}
