package dev.sagents.process;

/** The addressed process is not running (never started, stopped, or gave up after too many crashes). */
public class ProcessNotRunningException extends SagentsException {

	private final ProcessKey key;

	public ProcessNotRunningException(ProcessKey key) {
		super("No process is running under '" + key + "'");
		this.key = key;
	}

	public ProcessKey key() {
		return this.key;
	}

}
