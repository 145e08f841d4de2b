package dev.sagents.horde;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A timer whose tasks run only when the test fires them, whatever their delay: which wait ends
 * first, and what is still waiting then, is up to the test, not to the clock.
 */
final class ManualTimer {

	private final List<Runnable> scheduled = new CopyOnWriteArrayList<>();

	private final ScheduledExecutorService timer = mock(ScheduledExecutorService.class);

	ManualTimer() {
		given(this.timer.schedule(any(Runnable.class), anyLong(), any())).willAnswer((invocation) -> {
			this.scheduled.add(invocation.getArgument(0));
			return null;
		});
		given(this.timer.schedule(any(Callable.class), anyLong(), any())).willAnswer((invocation) -> {
			Callable<?> task = invocation.getArgument(0);
			this.scheduled.add(() -> {
				try {
					task.call();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			return null;
		});
	}

	ScheduledExecutorService timer() {
		return this.timer;
	}

	/** Runs the {@code index}th task scheduled (from 0), as if its delay passed. */
	void fire(int index) {
		this.scheduled.get(index).run();
	}

	/** Runs the task scheduled last, as if its delay passed. */
	void fireLatest() {
		fire(this.scheduled.size() - 1);
	}

}
