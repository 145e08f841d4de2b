package dev.sagents.process;

/** The root of every exception sagents throws on purpose, so callers can catch them as one. */
public class SagentsException extends RuntimeException {

	public SagentsException(String message) {
		super(message);
	}

	public SagentsException(String message, Throwable cause) {
		super(message, cause);
	}

}
