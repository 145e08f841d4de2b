package dev.sagents.local;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import dev.sagents.process.ProcessKey;
import dev.sagents.process.SagentsException;
import dev.sagents.supervisor.ExitReason;

/**
 * A process's mailbox and who drains it: the queue, the {@code busy} flag that gives one thread at
 * a time the process, the executor task that handles a batch of messages, and the lifecycle that
 * decides whether messages are still handled (starting, running, stopping, stopped), with the stop
 * request that overtakes the queue and the future completed at the end. This class decides when,
 * on which thread and in which order; what handling a message or a stop does is
 * {@link LocalProcess}'s, through the hooks below.
 *
 * <p>The busy flag is taken by whoever runs the handler: an executor task draining the queue, a
 * caller that found the process idle ({@link #holdIfIdle()}) and runs the handler itself, or a
 * caller waiting for its call that drains the queue up to it ({@link #helpUntil}) instead of
 * waiting for the executor task scheduled for it. The
 * mailbox is the process's superclass, not a part it holds, so that an idle process costs one
 * object and an empty queue.
 */
abstract class Mailbox implements Runnable {

	/** Messages handled per executor task before yielding the thread to other processes. */
	private static final int BATCH = 64;

	private static final int FREE = 0;

	private static final int HELD = 1;

	private static final int UNSTARTED = 2;

	private static final int SCHEDULED = 3;

	private static final int STARTING = 0;

	private static final int RUNNING = 1;

	private static final int STOPPING = 2;

	private static final int STOPPED = 3;

	private static final VarHandle BUSY;

	private static final VarHandle STOP_REQUEST;

	private static final VarHandle QUEUED;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			BUSY = lookup.findVarHandle(Mailbox.class, "busy", int.class);
			STOP_REQUEST = lookup.findVarHandle(Mailbox.class, "stopRequest", ExitReason.class);
			QUEUED = lookup.findVarHandle(Mailbox.class, "queued", int.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();

	/**
	 * Who holds the process: {@link #FREE}, {@link #HELD} by a thread running it,
	 * {@link #SCHEDULED} for an executor task that has not run yet (a waiting caller may take it
	 * over), or {@link #UNSTARTED}, held for its start, so that a message that finds the process
	 * registered before it started waits in the queue instead of taking it.
	 */
	@SuppressWarnings("unused") // accessed through BUSY
	private volatile int busy = UNSTARTED;

	/** How many envelopes the queue holds: counted, as the queue's own size walks it. */
	@SuppressWarnings("unused") // accessed through QUEUED
	private volatile int queued;

	private volatile int lifecycle = STARTING;

	@SuppressWarnings("unused") // accessed through STOP_REQUEST
	private volatile ExitReason stopRequest;

	/** The thread running the handler now, so a stuck one can be interrupted at shutdown. */
	private volatile Thread runner;

	/** Created on first need: most processes are never awaited. */
	private volatile CompletableFuture<ExitReason> termination;

	/** The process's key, for errors. */
	abstract ProcessKey key();

	/** Runs the batches. */
	abstract Executor executor();

	/** Handles one envelope; runs holding the process. */
	abstract void dispatch(Object envelope);

	/** Cleans up for a requested stop; runs holding the process, before it counts as stopped. */
	abstract void stopping(ExitReason reason);

	/** Answers an envelope the process ended before handling: queued at its end, or sent after it. */
	abstract void rejected(Object envelope);

	/** Called once, after the process ended for good and {@link #rejected} what it held. */
	abstract void closed(ExitReason reason, Throwable error);

	/** Whether the process runs, or is starting, and no stop was requested. */
	public final boolean isAlive() {
		return this.lifecycle <= RUNNING && STOP_REQUEST.getVolatile(this) == null;
	}

	/** Whether nothing is queued and no handler runs. */
	protected final boolean isIdle() {
		return this.busy == FREE && this.queue.isEmpty();
	}

	/** How many messages are queued. */
	public final int depth() {
		return this.queued;
	}

	/** Whether the process ended for good. */
	final boolean isStopped() {
		return this.lifecycle == STOPPED;
	}

	/** Takes the process for its start; {@code false} if it was started already. */
	final boolean holdForStart() {
		return BUSY.compareAndSet(this, UNSTARTED, HELD);
	}

	/** The start failed with {@code error}: the process ends (queued calls fail) and is let go. */
	final void openFailed(Throwable error) {
		finish(ExitReason.CRASH, error);
		this.busy = FREE;
	}

	/** The start succeeded: the queued messages are handled from now on, in order. */
	final void open() {
		this.lifecycle = RUNNING;
		release();
	}

	/**
	 * Takes the process for a caller that runs the handler itself: only if it runs, nothing is
	 * queued, no handler runs and no stop was requested. The caller must {@link #release()} it.
	 */
	final boolean holdIfIdle() {
		if (this.lifecycle == RUNNING && this.queue.isEmpty() && BUSY.compareAndSet(this, FREE, HELD)) {
			// Held: go on unless something slipped in meanwhile.
			if (this.lifecycle == RUNNING && this.queue.isEmpty() && STOP_REQUEST.getVolatile(this) == null) {
				return true;
			}
			release();
		}
		return false;
	}

	/** Marks {@code thread} ({@code null}: none) as the one running the handler now. */
	final void runningOn(Thread thread) {
		this.runner = thread;
	}

	/**
	 * Asks the process to end with {@code reason} after the message it is handling, ahead of the
	 * queued ones (which fail with {@link dev.sagents.process.ProcessNotRunningException}).
	 * Returns when it ended.
	 */
	public final CompletableFuture<ExitReason> requestStop(ExitReason reason) {
		CompletableFuture<ExitReason> ended = termination();
		if (this.lifecycle != STOPPED && STOP_REQUEST.compareAndSet(this, null, reason)) {
			trySchedule();
		}
		return ended;
	}

	/** Stops the process after the current message; for subclasses acting on their own behalf. */
	protected final void stopSelf(ExitReason reason) {
		STOP_REQUEST.compareAndSet(this, null, reason);
	}

	/**
	 * Gives up on a process that did not end within its grace period (its handler is stuck): it is
	 * marked stopped and unregistered now, and the stuck handler's thread is interrupted.
	 */
	public final void abandon() {
		Thread stuck = this.runner;
		finish(ExitReason.SHUTDOWN, null);
		if (stuck != null) {
			stuck.interrupt();
		}
	}

	/**
	 * Waits until the process ended; {@link SagentsException} if it did not within {@code grace}.
	 */
	public final void awaitTermination(Duration grace) {
		try {
			termination().get(grace.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw new SagentsException("Process '" + key() + "' did not stop within " + grace);
		}
		catch (ExecutionException ex) {
			throw new SagentsException("Process '" + key() + "' failed to stop", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SagentsException("Interrupted while waiting for '" + key() + "' to stop", ex);
		}
	}

	/** The future completed when the process ends. */
	public final CompletableFuture<ExitReason> termination() {
		CompletableFuture<ExitReason> result = this.termination;
		if (result == null) {
			synchronized (this) {
				result = this.termination;
				if (result == null) {
					result = new CompletableFuture<>();
					this.termination = result;
				}
			}
		}
		return result;
	}

	/**
	 * Queues {@code envelope} unless {@code capacity} envelopes are queued already: {@code false}
	 * then, and nothing queued. Otherwise as {@link #enqueue}.
	 */
	final boolean offer(Object envelope, int capacity) {
		if ((int) QUEUED.getAndAdd(this, 1) >= capacity) {
			QUEUED.getAndAdd(this, -1);
			return false;
		}
		enqueueCounted(envelope);
		return true;
	}

	/** Queues {@code envelope} however many are queued, or {@link #rejected rejects} it if the process ended. */
	final void enqueue(Object envelope) {
		QUEUED.getAndAdd(this, 1);
		enqueueCounted(envelope);
	}

	private void enqueueCounted(Object envelope) {
		if (this.lifecycle == STOPPED) {
			QUEUED.getAndAdd(this, -1);
			rejected(envelope);
			return;
		}
		this.queue.offer(envelope);
		if (this.lifecycle == STOPPED) {
			// Ended while we were queueing: nobody else will drain this.
			drainQueue();
			return;
		}
		trySchedule();
	}

	private void trySchedule() {
		if (BUSY.compareAndSet(this, FREE, SCHEDULED)) {
			submit();
		}
	}

	private void submit() {
		try {
			executor().execute(this);
		}
		catch (RejectedExecutionException ex) {
			// The node is shutting down its executor: nothing can run any more.
			finish(ExitReason.SHUTDOWN, null);
			BUSY.compareAndSet(this, SCHEDULED, FREE);
		}
	}

	/** Lets go of the process, and schedules it again if work arrived meanwhile. */
	final void release() {
		this.busy = FREE;
		if ((!this.queue.isEmpty() || STOP_REQUEST.getVolatile(this) != null) && this.lifecycle != STOPPED) {
			trySchedule();
		}
	}

	/**
	 * The executor task: drains up to {@link #BATCH} messages, unless a waiting caller took the
	 * process over since it was scheduled ({@link #helpUntil}); that caller schedules it again.
	 */
	@Override
	public final void run() {
		if (BUSY.compareAndSet(this, SCHEDULED, HELD)) {
			drain(BATCH, () -> false);
		}
	}

	/**
	 * Drains the queue on the calling thread, a caller waiting for its call, until {@code done}
	 * (its call was handled): takes the process if no thread runs it, even with an executor task
	 * scheduled for it, and handles the queued messages in order, one at a time, as that task
	 * would. Returns at once if {@code done} already or another thread runs the process.
	 */
	final void helpUntil(BooleanSupplier done) {
		if (!done.getAsBoolean()
				&& (BUSY.compareAndSet(this, SCHEDULED, HELD) || BUSY.compareAndSet(this, FREE, HELD))) {
			drain(Integer.MAX_VALUE, done);
		}
	}

	/**
	 * Handles up to {@code limit} messages, or until {@code done}, and lets the process go; only
	 * ever run by the holder of the busy flag.
	 */
	private void drain(int limit, BooleanSupplier done) {
		this.runner = Thread.currentThread();
		try {
			for (int handled = 0; handled < limit && this.lifecycle == RUNNING && !done.getAsBoolean(); handled++) {
				ExitReason stop = (ExitReason) STOP_REQUEST.getVolatile(this);
				if (stop != null) {
					stopNow(stop);
					return;
				}
				Object envelope = poll();
				if (envelope == null) {
					break;
				}
				dispatch(envelope);
			}
			ExitReason stop = (ExitReason) STOP_REQUEST.getVolatile(this);
			if (stop != null && this.lifecycle == RUNNING) {
				stopNow(stop);
			}
		}
		finally {
			this.runner = null;
			release();
		}
	}

	private void stopNow(ExitReason reason) {
		this.lifecycle = STOPPING;
		stopping(reason);
		finish(reason, null);
	}

	/**
	 * Ends the process for good with {@code reason} ({@code error}: the crash that ended it), once:
	 * what is queued is rejected, {@link #closed} runs, and then the termination completes.
	 */
	final void finish(ExitReason reason, Throwable error) {
		// Made before the process counts as stopped, so whoever asks from then on gets this end's reason.
		CompletableFuture<ExitReason> ended = termination();
		synchronized (this) {
			if (this.lifecycle == STOPPED) {
				return;
			}
			this.lifecycle = STOPPED;
		}
		drainQueue();
		try {
			closed(reason, error);
		}
		finally {
			ended.complete(reason);
		}
	}

	private void drainQueue() {
		Object envelope;
		while ((envelope = poll()) != null) {
			rejected(envelope);
		}
	}

	private Object poll() {
		Object envelope = this.queue.poll();
		if (envelope != null) {
			QUEUED.getAndAdd(this, -1);
		}
		return envelope;
	}

}
