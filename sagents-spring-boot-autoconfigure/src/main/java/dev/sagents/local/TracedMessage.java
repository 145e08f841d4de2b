package dev.sagents.local;

import dev.sagents.observation.Observed;

/**
 * A message to an agent with the observation of its call, through the mailbox to the
 * handler: the handler runs with it in scope and stops it ({@link ObservedHandling}); a message
 * that could not be decoded, or that the agent ended before handling, stops it too. Made only
 * when calls and casts are observed: otherwise the mailbox holds the bare message.
 */
public final class TracedMessage {

	private final Object message;

	private final Observed observed;

	private TracedMessage(Object message, Observed observed) {
		this.message = message;
		this.observed = observed;
	}

	/** {@code message} with {@code observed}; the message itself if nothing is observed. */
	public static Object of(Object message, Observed observed) {
		return (observed == Observed.NONE) ? message : new TracedMessage(message, observed);
	}

	/** {@code message} without its observation, which is stopped with {@code error} if it had one. */
	static Object ended(Object message, Throwable error) {
		if (message instanceof TracedMessage traced) {
			traced.observed.stop(error);
			return traced.message;
		}
		return message;
	}

	Object message() {
		return this.message;
	}

	Observed observed() {
		return this.observed;
	}

	/** This message decoded if it came encoded; its observation fails if it could not be. */
	TracedMessage decoded() {
		if (!(this.message instanceof EncodedMessage encoded)) {
			return this;
		}
		try {
			return new TracedMessage(encoded.decode(), this.observed);
		}
		catch (RuntimeException ex) {
			this.observed.stop(ex);
			throw ex;
		}
	}

}
