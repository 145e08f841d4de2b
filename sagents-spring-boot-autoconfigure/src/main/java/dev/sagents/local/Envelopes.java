package dev.sagents.local;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.process.ProcessFailedException;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessNotRunningException;

/**
 * What a process's mailbox holds, and how an answer goes back. A call travels as a {@link Call},
 * whose reply future takes the caller its answer or its failure. Work of the host on the process
 * travels as a {@link Control}, and a cast as the bare message: neither has anyone to answer, and
 * casts, the most frequent, cost no envelope. A stop request is no envelope: it overtakes the
 * queued messages instead of waiting behind them. A message may still be in its wire form
 * ({@link EncodedMessage}) until {@link #decoded} turns it into the message, on the process's
 * thread just before it is handled, and may carry the observation of its call ({@link TracedMessage})
 * or the trace context of its cast ({@link TracedCast}).
 */
final class Envelopes {

	private static final Logger logger = LoggerFactory.getLogger(LocalProcess.class);

	private Envelopes() {
	}

	/** {@code message}, decoded if it came encoded; throws if it could not be decoded. */
	static Object decoded(Object message) {
		if (message instanceof TracedMessage traced) {
			return traced.decoded();
		}
		if (message instanceof TracedCast cast) {
			return cast.decoded();
		}
		return (message instanceof EncodedMessage encoded) ? encoded.decode() : message;
	}

	/**
	 * The cast {@code message} to {@code key}, decoded if it came encoded; {@code null} (and
	 * logged) if it could not be.
	 */
	static Object decodedCast(ProcessKey key, Object message) {
		try {
			return decoded(message);
		}
		catch (RuntimeException ex) {
			logger.warn("Process {} dropped a cast message that could not be decoded", key, ex);
			return null;
		}
	}

	/** A call waiting for its reply. */
	record Call(Object message, CompletableFuture<Object> reply) {

		/** Sends the handler's reply back. */
		void answer(Object value) {
			this.reply.complete(value);
		}

		/** Fails the call with {@code error} as it is: the handler's refusal, or why the message could not be decoded. */
		void fail(Throwable error) {
			this.reply.completeExceptionally(error);
		}

		/** Fails the call because the handler crashed on it. */
		void crashed(ProcessKey key, Throwable crash) {
			this.reply.completeExceptionally(new ProcessFailedException(key, crash));
		}

		/** Fails the call because the process ended before handling it. */
		void notRunning(ProcessKey key) {
			ProcessNotRunningException error = new ProcessNotRunningException(key);
			TracedMessage.ended(this.message, error);
			this.reply.completeExceptionally(error);
		}

	}

	/** Work of the host on the process (timers, checks), run in mailbox order. */
	record Control(Runnable action) {
	}

}
