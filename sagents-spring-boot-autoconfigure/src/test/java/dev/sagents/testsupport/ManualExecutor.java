package dev.sagents.testsupport;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.fail;

/**
 * An executor that runs its tasks only when the test says, on the test's thread (or one the test
 * picks), so the order of hand-offs is exact.
 */
public final class ManualExecutor implements Executor {

	/** More tasks than any test queues: a task that keeps queueing itself is a bug. */
	private static final int MOST_TASKS = 100;

	private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	@Override
	public void execute(Runnable task) {
		this.tasks.add(task);
	}

	/** Runs the tasks queued, and those they queue; fails if they keep queueing tasks. */
	public void runQueued() {
		for (int run = 0; run < MOST_TASKS; run++) {
			Runnable task = this.tasks.poll();
			if (task == null) {
				return;
			}
			task.run();
		}
		fail("The tasks keep queueing tasks without ever finishing");
	}

	/** Takes the next task off the queue, for the test to run where it wants. */
	public Runnable next() {
		return this.tasks.remove();
	}

	/** Whether no task waits. */
	public boolean isIdle() {
		return this.tasks.isEmpty();
	}

}
