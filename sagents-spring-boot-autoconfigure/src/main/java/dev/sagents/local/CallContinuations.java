package dev.sagents.local;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Where the continuations of one call run (the completion of its reply, its decoding, its retries
 * and whatever the caller chained on it): on the thread that waits for the call, while it waits,
 * else on the sagents executor. A reply then wakes the waiting caller directly, instead of waking
 * a thread of the executor that completes the call and wakes the caller in turn; on two busy cores
 * each wake-up costs tens of microseconds. A caller that is itself a process thread of the
 * executor, and said it would wait before the call went out ({@link #waitHere}), needs no other
 * thread of it. Before it parks, the waiting thread may help the call along itself (its
 * {@code helper}: a call to a process of this node runs the process's queue up to the call).
 */
public final class CallContinuations implements Executor {

	private final Executor executor;

	/** Run by the waiting thread before each park; returns at once if it cannot help. */
	private final Runnable helper;

	/** Continuations for the waiting thread; guarded by {@code this}. */
	private final ArrayDeque<Runnable> queued = new ArrayDeque<>();

	/** The thread that waits for the call, if one does; guarded by {@code this}. */
	private Thread waiter;

	/** @param executor runs the continuations while no thread waits */
	public CallContinuations(Executor executor) {
		this(executor, () -> {
		});
	}

	/**
	 * @param executor runs the continuations while no thread waits
	 * @param helper run by the waiting thread before each park, to bring the reply about itself;
	 * it must return at once if it cannot
	 */
	CallContinuations(Executor executor, Runnable helper) {
		this.executor = executor;
		this.helper = helper;
	}

	@Override
	public void execute(Runnable continuation) {
		Thread waiting;
		synchronized (this) {
			waiting = this.waiter;
			if (waiting != null) {
				this.queued.add(continuation);
			}
		}
		if (waiting != null) {
			LockSupport.unpark(waiting);
		}
		else {
			runElsewhere(continuation);
		}
	}

	/**
	 * Runs {@code continuation} on the executor, or here if the executor refuses it (shut down):
	 * settling a caller's future is cheap, and a refused one would leave the caller waiting forever.
	 */
	private void runElsewhere(Runnable continuation) {
		try {
			this.executor.execute(continuation);
		}
		catch (RejectedExecutionException ex) {
			continuation.run();
		}
	}

	/**
	 * Makes the calling thread the one that waits, if no other does: continuations queue for it
	 * from now on, until {@link #await} returns. Returns whether it is the one.
	 */
	public synchronized boolean waitHere() {
		if (this.waiter == null) {
			this.waiter = Thread.currentThread();
		}
		return this.waiter == Thread.currentThread();
	}

	/**
	 * Runs the continuations given to this executor on the calling thread until {@code result} is
	 * done (whichever thread completes it); continuations that come later go to the executor.
	 * Returns {@code false} at once if another thread waits already: the caller then waits as for
	 * any future.
	 * @param timeoutNanos how long to wait at most; {@link Long#MAX_VALUE}: without a limit
	 * @param interruptible whether an interrupt ends the wait, or is only kept for later
	 * @throws TimeoutException if {@code result} is not done within {@code timeoutNanos}
	 * @throws InterruptedException if interrupted while waiting and {@code interruptible}
	 */
	boolean await(CompletableFuture<?> result, long timeoutNanos, boolean interruptible)
			throws TimeoutException, InterruptedException {
		if (!waitHere()) {
			return false;
		}
		// Overflows for Long.MAX_VALUE, and the difference below wraps back: no limit.
		long deadline = System.nanoTime() + timeoutNanos;
		boolean interrupted = false;
		try {
			if (!result.isDone()) {
				Thread self = Thread.currentThread();
				result.whenComplete((value, error) -> LockSupport.unpark(self));
			}
			while (true) {
				Runnable continuation = next();
				if (continuation != null) {
					continuation.run();
					continue;
				}
				if (result.isDone()) {
					return true;
				}
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					throw new TimeoutException();
				}
				// The handlers this thread runs for the process never see its caller's interrupt.
				if (Thread.interrupted()) {
					if (interruptible) {
						throw new InterruptedException();
					}
					interrupted = true;
				}
				this.helper.run();
				if (hasQueued() || result.isDone()) {
					continue;
				}
				park(result, deadline);
				if (Thread.interrupted()) {
					if (interruptible) {
						throw new InterruptedException();
					}
					interrupted = true;
				}
			}
		}
		finally {
			stopWaiting().forEach(this::runElsewhere);
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Parks until a continuation comes, {@code result} is done, the deadline passes or the thread
	 * is interrupted (or spuriously). As a managed block: a thread of a fork-join pool, such as the
	 * sagents executor's, gets a stand-in while it waits, as {@link CompletableFuture#join} gives it,
	 * so a call to a process of this node, waited for on every thread of the pool at once, still
	 * finds a thread to run on.
	 */
	private void park(CompletableFuture<?> result, long deadline) {
		try {
			ForkJoinPool.managedBlock(new ForkJoinPool.ManagedBlocker() {

				@Override
				public boolean isReleasable() {
					return hasQueued() || result.isDone() || deadline - System.nanoTime() <= 0
							|| Thread.currentThread().isInterrupted();
				}

				@Override
				public boolean block() {
					LockSupport.parkNanos(CallContinuations.this, deadline - System.nanoTime());
					return true;
				}

			});
		}
		catch (InterruptedException ex) {
			// Handled with the other interrupts, after the park.
			Thread.currentThread().interrupt();
		}
	}

	private synchronized boolean hasQueued() {
		return !this.queued.isEmpty();
	}

	private synchronized Runnable next() {
		return this.queued.poll();
	}

	/** No thread waits any more; returns the continuations still queued, for the executor. */
	private synchronized List<Runnable> stopWaiting() {
		this.waiter = null;
		List<Runnable> left = List.copyOf(this.queued);
		this.queued.clear();
		return left;
	}

}
