package dev.sagents.process;

/** The root of every exception sagents throws on purpose, so callers can catch them as one. */
public class SagentsException extends RuntimeException {

	public SagentsException(String message) {
		super(message);
	}

	public SagentsException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * For a refusal thrown per message under load (a full mailbox, a message too large): with no
	 * stack trace, which would cost more than the refusal itself; the message says what was refused.
	 */
	protected SagentsException(String message, boolean writableStackTrace) {
		super(message, null, true, writableStackTrace);
	}

}
