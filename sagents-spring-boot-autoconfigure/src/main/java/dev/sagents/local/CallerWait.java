package dev.sagents.local;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.sagents.process.CallTimeoutException;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.SagentsException;

/**
 * The caller's side of a call to a process: the reply bounded by the call's timeout, the blocking
 * wait for it, and what the caller gets when the call failed or ran out of time. The process's side
 * (the mailbox, the handler) never waits; every wait is here, on the caller's thread or the timer.
 */
final class CallerWait {

	/**
	 * How much longer than the call's timeout a blocking caller waits: the timer failing the reply
	 * at the timeout normally ends the wait; the wait's own clock is the backstop.
	 */
	private static final long SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	private CallerWait() {
	}

	/**
	 * {@code reply}, failed with {@link CallTimeoutException} if it has not completed within
	 * {@code timeout}; the timer is set only if it is not complete already, and cancelled when it
	 * completes.
	 */
	static CompletableFuture<Object> withTimeout(ProcessKey key, CompletableFuture<Object> reply, Duration timeout,
			ScheduledExecutorService timer) {
		if (reply.isDone()) {
			// Refused at once (the process ended) or already answered: no timer to set.
			return reply;
		}
		ScheduledFuture<?> timeoutTask = timer.schedule(
				() -> reply.completeExceptionally(new CallTimeoutException(key, timeout)), timeout.toNanos(),
				TimeUnit.NANOSECONDS);
		reply.whenComplete((result, error) -> timeoutTask.cancel(false));
		return reply;
	}

	/**
	 * Waits for {@code reply} and returns it, or throws what the caller gets for its failure
	 * ({@link #thrownToCaller}), {@link CallTimeoutException} past {@code timeout}, or
	 * {@link SagentsException} if the waiting thread is interrupted (its interrupt kept).
	 */
	static <R> R await(ProcessKey key, CompletableFuture<R> reply, Duration timeout) {
		try {
			return reply.get(timeout.toNanos() + SLACK_NANOS, TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw thrownToCaller(key, ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new CallTimeoutException(key, timeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SagentsException("Interrupted while calling '" + key + "'", ex);
		}
	}

	/**
	 * Throws {@link CallTimeoutException} if a handler the caller ran itself took longer than the
	 * call's {@code timeout}: its reply comes too late, as a queued call's would.
	 */
	static void ensureInTime(ProcessKey key, long startNanos, long endNanos, Duration timeout) {
		if (endNanos - startNanos > timeout.toNanos()) {
			throw new CallTimeoutException(key, timeout);
		}
	}

	/**
	 * What a waiting caller gets for {@code error}, a refusal or a failure of its call: an unchecked
	 * one as it is, any other in a {@link SagentsException}.
	 */
	static RuntimeException thrownToCaller(ProcessKey key, Throwable error) {
		if (error instanceof RuntimeException runtimeException) {
			return runtimeException;
		}
		return new SagentsException("Call to '" + key + "' failed", error);
	}

}
