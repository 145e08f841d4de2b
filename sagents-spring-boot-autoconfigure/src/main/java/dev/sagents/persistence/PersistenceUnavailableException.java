package dev.sagents.persistence;

import dev.sagents.process.SagentsException;

/**
 * The store could not be reached (the database is down or unreachable, a connection timed out):
 * what had to be stored was not, and nothing changed. The call that needed it fails with this
 * exception, the agent keeps its previous state and goes on, and the next call tries the store
 * again, so service comes back by itself with the store. An application shows it as a temporary
 * failure ({@link #CODE}, such as HTTP 503).
 */
public class PersistenceUnavailableException extends SagentsException {

	/** The error code an application may show for it. */
	public static final String CODE = "persistence-unavailable";

	private final String reason;

	/**
	 * @param reason what could not be done, and why
	 * @param cause the store's own failure, or {@code null}
	 */
	public PersistenceUnavailableException(String reason, Throwable cause) {
		super("The sagents store is unavailable: " + reason, cause);
		this.reason = reason;
	}

	/** What could not be done, and why. */
	public String reason() {
		return this.reason;
	}

}
