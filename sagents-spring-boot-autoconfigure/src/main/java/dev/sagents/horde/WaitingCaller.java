package dev.sagents.horde;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The thread of a caller that blocks until its call completes, as the executor of that call's
 * continuations: they run on it while it waits. A reply then wakes the caller directly, instead of
 * waking a thread of the sagents executor that completes the call and wakes the caller in turn;
 * on two busy cores each wake-up costs tens of microseconds. It also decodes its own reply, and a
 * caller that is itself a process thread of the executor needs no other thread of it.
 */
final class WaitingCaller implements Executor {

	private static final Runnable WAKE_UP = () -> {
	};

	private final BlockingQueue<Runnable> continuations = new LinkedBlockingQueue<>();

	@Override
	public void execute(Runnable continuation) {
		this.continuations.add(continuation);
	}

	/**
	 * Runs the continuations given to this executor, on the calling thread, until {@code result}
	 * is done (whichever thread completes it), then returns its value.
	 * @throws TimeoutException if it is not done within {@code timeoutNanos}
	 */
	<T> T await(CompletableFuture<T> result, long timeoutNanos)
			throws InterruptedException, ExecutionException, TimeoutException {
		long deadline = System.nanoTime() + timeoutNanos;
		result.whenComplete((value, error) -> this.continuations.add(WAKE_UP));
		while (!result.isDone()) {
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				throw new TimeoutException();
			}
			Runnable continuation = this.continuations.poll(remaining, TimeUnit.NANOSECONDS);
			if (continuation != null) {
				continuation.run();
			}
		}
		return result.get();
	}

}
