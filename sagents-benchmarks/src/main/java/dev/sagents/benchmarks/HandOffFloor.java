package dev.sagents.benchmarks;

import java.util.concurrent.locks.LockSupport;

/**
 * The floor of an asynchronous call in one JVM: a thread-to-thread hand-off round trip. The caller
 * hands a request to a parked worker thread and parks until the worker hands the answer back, so
 * each round trip wakes two threads, which is what a call served on another thread costs at the
 * least. Measured beside the calls, in the same run, as the figure they are compared with.
 */
final class HandOffFloor implements AutoCloseable {

	private final Thread worker;

	/** The caller waiting for its answer, set with each request; {@code null}: no request. */
	private volatile Thread caller;

	private volatile boolean answered;

	private volatile boolean closed;

	HandOffFloor() {
		this.worker = new Thread(this::serve, "hand-off-floor");
		this.worker.setDaemon(true);
		this.worker.start();
	}

	/** One round trip: hands a request to the worker and waits until it answers. */
	void roundTrip() {
		this.answered = false;
		this.caller = Thread.currentThread();
		LockSupport.unpark(this.worker);
		while (!this.answered) {
			LockSupport.park(this);
		}
	}

	/** A round trip for {@link Measurements#inTurns}, whatever the target. */
	<T> Measurements.RoundTrip<T> asRoundTrip() {
		return (target) -> roundTrip();
	}

	private void serve() {
		while (!this.closed) {
			Thread waiting = this.caller;
			if (waiting == null) {
				LockSupport.park(this);
				continue;
			}
			this.caller = null;
			this.answered = true;
			LockSupport.unpark(waiting);
		}
	}

	@Override
	public void close() {
		this.closed = true;
		LockSupport.unpark(this.worker);
	}

}
