package dev.sagents.process;

/**
 * Stands for an exception thrown on another member: its class name and message travel, the
 * exception itself does not (no remote class is ever instantiated).
 */
public class RemoteCauseException extends SagentsException {

	private final String remoteClassName;

	public RemoteCauseException(String remoteClassName, String message) {
		super(remoteClassName + ": " + message);
		this.remoteClassName = remoteClassName;
	}

	/** The class name of the exception on the remote member. */
	public String remoteClassName() {
		return this.remoteClassName;
	}

}
