package dev.sagents.local;

import dev.sagents.observation.TraceHeaders;

/**
 * A cast to an agent whose handling is observed: the message, with the trace context of its sender
 * ({@code null}: none), which the handling's observation continues ({@link ObservedHandling}), and
 * which goes along if the cast is forwarded to where the agent runs next. The sender's observation
 * ended when the cast was queued or sent, so a queued cast holds no observation open. Made only when
 * casts are observed: otherwise the mailbox holds the bare message.
 */
final class TracedCast {

	private final Object message;

	private final TraceHeaders headers;

	private TracedCast(Object message, TraceHeaders headers) {
		this.message = message;
		this.headers = headers;
	}

	static TracedCast of(Object message, TraceHeaders headers) {
		return new TracedCast(message, headers);
	}

	/** The message of {@code queued}, a {@link TracedCast} or a bare message. */
	static Object message(Object queued) {
		return (queued instanceof TracedCast cast) ? cast.message : queued;
	}

	/** The trace context of {@code queued}, {@code null} for a bare message or a cast with none. */
	static TraceHeaders headers(Object queued) {
		return (queued instanceof TracedCast cast) ? cast.headers : null;
	}

	Object message() {
		return this.message;
	}

	TraceHeaders headers() {
		return this.headers;
	}

	/** This cast decoded if it came encoded; throws if it could not be. */
	TracedCast decoded() {
		return (this.message instanceof EncodedMessage encoded) ? new TracedCast(encoded.decode(), this.headers) : this;
	}

}
