package dev.sagents.local;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future of a {@code call}: a thread that waits for it ({@link #join}, {@link #get}) runs the
 * call's continuations while it waits ({@link CallContinuations}), so the reply wakes it directly.
 * The stages chained on it share its continuations, so waiting on any of them does the same.
 * Without a waiting thread the continuations run on the sagents executor, as before.
 */
public final class CallFuture<T> extends CompletableFuture<T> {

	private final CallContinuations continuations;

	public CallFuture(CallContinuations continuations) {
		this.continuations = continuations;
	}

	/** Completes this future with {@code value}, or with {@code error} if it is not {@code null}. */
	void settle(T value, Throwable error) {
		if (error != null) {
			completeExceptionally(error);
		}
		else {
			complete(value);
		}
	}

	@Override
	public <U> CompletableFuture<U> newIncompleteFuture() {
		return new CallFuture<>(this.continuations);
	}

	// Each wait goes through the continuations even when the call is done: a caller that said it
	// would wait (callAndWait) stops waiting there, and runs what was queued for it.

	@Override
	public T join() {
		try {
			this.continuations.await(this, Long.MAX_VALUE, false);
		}
		catch (TimeoutException | InterruptedException ex) {
			throw new IllegalStateException("An uninterruptible wait without a deadline ended", ex);
		}
		return super.join();
	}

	@Override
	public T get() throws InterruptedException, ExecutionException {
		try {
			this.continuations.await(this, Long.MAX_VALUE, true);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("A wait without a deadline timed out", ex);
		}
		return super.get();
	}

	@Override
	public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
		this.continuations.await(this, unit.toNanos(timeout), true);
		return super.get(timeout, unit);
	}

}
