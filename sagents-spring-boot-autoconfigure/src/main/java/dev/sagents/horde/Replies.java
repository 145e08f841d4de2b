package dev.sagents.horde;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import dev.sagents.process.CallTimeoutException;
import dev.sagents.process.MemberLostException;
import dev.sagents.process.ProcessFailedException;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessNotRunningException;
import dev.sagents.process.SagentsException;

/**
 * Error translation on the caller's side: waits for replies from other members and turns what
 * went wrong on the way (a member that left, a reply that did not come in time, an outcome other
 * than {@code OK}) into the typed errors callers expect, the same as for a process of this node.
 * The serving side is {@link RemoteErrors#asReply}.
 */
final class Replies {

	private final Duration requestTimeout;

	private final Function<String, String> nodeName;

	/**
	 * @param requestTimeout how long a request between members may take
	 * @param nodeName the node name of a member, by UUID
	 */
	Replies(Duration requestTimeout, Function<String, String> nodeName) {
		this.requestTimeout = requestTimeout;
		this.nodeName = nodeName;
	}

	/** Waits for the reply to a request, turning transport failures into the typed errors callers expect. */
	private <T> T awaitValue(CompletableFuture<T> future, ProcessKey key) {
		return awaitValue(future, key, this.requestTimeout);
	}

	/**
	 * Waits for the reply to a call or request that times out after {@code timeout} (a second more
	 * at most, in case its own timer is late), turning transport failures into the typed errors
	 * callers expect.
	 */
	<T> T awaitValue(CompletableFuture<T> future, ProcessKey key, Duration timeout) {
		try {
			return future.get(timeout.toNanos() + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw asRuntime(translate(ex.getCause(), key, null, timeout));
		}
		catch (TimeoutException ex) {
			throw new CallTimeoutException(key, timeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SagentsException("Interrupted while waiting for a reply about " + key, ex);
		}
	}

	/** Waits for the reply to a request; an outcome other than {@code OK} is thrown as its typed error. */
	Reply awaitReply(CompletableFuture<Reply> request, ProcessKey key) {
		Reply reply = awaitValue(request, key);
		if (reply.outcome() == Reply.Outcome.OK) {
			return reply;
		}
		throw asRuntime(failure(reply, key));
	}

	private Throwable failure(Reply reply, ProcessKey key) {
		return switch (reply.outcome()) {
			case OK -> throw new IllegalStateException("not a failure");
			case NOT_HERE, NOT_RUNNING, MOVED -> new ProcessNotRunningException(key);
			case TIMEOUT -> new CallTimeoutException(key, this.requestTimeout);
			case FAILED -> new ProcessFailedException(key, RemoteErrors.decode(reply.data()));
			case REFUSED -> RemoteErrors.decode(reply.data());
		};
	}

	/**
	 * The error a caller gets for {@code error}, which failed a call or request on its way: a
	 * timeout, or a member that left ({@code node}, if known, names it), or the cause itself.
	 */
	Throwable translate(Throwable error, ProcessKey key, String node, Duration timeout) {
		Throwable cause = unwrap(error);
		if (cause instanceof TimeoutException) {
			return new CallTimeoutException(key, timeout);
		}
		if (cause instanceof MemberLeftException left) {
			return new MemberLostException(key, (node != null) ? node : this.nodeName.apply(left.member()));
		}
		return cause;
	}

	/** The cause of {@code error}, out of the wrappers a future puts around it. */
	static Throwable unwrap(Throwable error) {
		Throwable cause = error;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static RuntimeException asRuntime(Throwable error) {
		return (error instanceof RuntimeException runtime) ? runtime : new SagentsException(error.toString(), error);
	}

}
