package dev.sagents.local;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.process.CallTimeoutException;
import dev.sagents.process.ProcessFailedException;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessNotRunningException;
import dev.sagents.process.ProcessRef;
import dev.sagents.process.ProcessStartException;
import dev.sagents.process.SagentsException;
import dev.sagents.supervisor.ExitReason;
import dev.sagents.supervisor.RestartIntensity;

/**
 * A process hosted on this node: one mailbox, drained on the shared executor one message at a
 * time, with transient restarts. Subclasses supply {@link #init()}, {@link #handle(Object)} and
 * {@link #terminate(ExitReason)}; all three run with exclusive access, so subclass state needs no
 * locking.
 *
 * <p>An idle process holds no thread and no timer: its cost is this object, an empty queue and
 * the subclass's state. Exclusive access is a single {@code busy} flag taken by whoever runs the
 * handler: an executor task draining the mailbox, or a caller of {@link #callAndWait} that found
 * the process idle with an empty mailbox and runs the handler itself.
 */
public abstract class LocalProcess implements ProcessRef, Runnable {

	private static final Logger logger = LoggerFactory.getLogger(LocalProcess.class);

	/** Messages handled per executor task before yielding the thread to other processes. */
	private static final int BATCH = 64;

	private static final int FREE = 0;

	private static final int HELD = 1;

	private static final int UNSTARTED = 2;

	private static final int STARTING = 0;

	private static final int RUNNING = 1;

	private static final int STOPPING = 2;

	private static final int STOPPED = 3;

	private static final VarHandle BUSY;

	private static final VarHandle STOP_REQUEST;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			BUSY = lookup.findVarHandle(LocalProcess.class, "busy", int.class);
			STOP_REQUEST = lookup.findVarHandle(LocalProcess.class, "stopRequest", ExitReason.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final ProcessKey key;

	protected final LocalProcessRuntime runtime;

	private final ConcurrentLinkedQueue<Object> mailbox = new ConcurrentLinkedQueue<>();

	/**
	 * Who holds the process: {@link #FREE}, {@link #HELD} by a thread running it, or
	 * {@link #UNSTARTED}, held for {@link #start()}, so that a message that finds the process
	 * registered before its {@link #init()} ran waits in the mailbox instead of taking it.
	 */
	@SuppressWarnings("unused") // accessed through BUSY
	private volatile int busy = UNSTARTED;

	private volatile int lifecycle = STARTING;

	@SuppressWarnings("unused") // accessed through STOP_REQUEST
	private volatile ExitReason stopRequest;

	private volatile long lastActivityNanos;

	/** The thread running the handler now, so a stuck one can be interrupted at shutdown. */
	private volatile Thread runner;

	/** Created on first need: most processes are never awaited. */
	private volatile CompletableFuture<ExitReason> termination;

	/** Restart times within the current window, oldest first; allocated on the first crash. */
	private long[] restarts;

	private int restartCount;

	protected LocalProcess(ProcessKey key, LocalProcessRuntime runtime) {
		this.key = key;
		this.runtime = runtime;
	}

	/** Prepares the process (e.g. loads its state); runs at start and after each crash. */
	protected abstract void init() throws Exception;

	/** Handles one message and returns the reply ({@code null} for none). */
	protected abstract Object handle(Object message) throws Exception;

	/** Cleans up on any end but a crash (persist, flush). Exceptions are logged. */
	protected abstract void terminate(ExitReason reason) throws Exception;

	/** How often a crash is restarted. */
	protected abstract RestartIntensity restartIntensity();

	/**
	 * Whether {@code error}, thrown by the handler, is a refusal of the request (the caller gets it
	 * as is, or in a {@link SagentsException} if it is checked and the caller waits; the process
	 * carries on) rather than a crash. The default: every exception is a crash.
	 */
	protected boolean isRefusal(Throwable error) {
		return false;
	}

	/** Called after a handler threw, before the restart; the default does nothing. */
	protected void crashed(Throwable error) {
	}

	/**
	 * Called once, after the process ended for good and failed its queued calls: the place to
	 * unregister it. {@code error} is the last crash for {@link ExitReason#RESTART_LIMIT}.
	 */
	protected abstract void ended(ExitReason reason, Throwable error);

	@Override
	public final ProcessKey key() {
		return this.key;
	}

	@Override
	public final String node() {
		return this.runtime.node();
	}

	@Override
	public final boolean isAlive() {
		return this.lifecycle <= RUNNING && STOP_REQUEST.getVolatile(this) == null;
	}

	/** Nanos (System.nanoTime) of the last handled message or of the start. */
	public final long lastActivityNanos() {
		return this.lastActivityNanos;
	}

	/** Whether nothing is queued and no handler runs. */
	protected final boolean isIdle() {
		return this.busy == FREE && this.mailbox.isEmpty();
	}

	/**
	 * Runs {@link #init()} on the calling thread. Until it returns, messages queue up; then they are
	 * handled in order. If it throws, the process ends (queued calls fail, {@link #ended} runs) and
	 * {@link ProcessStartException} is thrown.
	 */
	public final void start() {
		if (!BUSY.compareAndSet(this, UNSTARTED, HELD)) {
			throw new IllegalStateException("Process " + this.key + " was already started");
		}
		try {
			init();
		}
		catch (Throwable ex) {
			finish(ExitReason.CRASH, ex);
			this.busy = FREE;
			throw new ProcessStartException(this.key, ex);
		}
		this.lastActivityNanos = System.nanoTime();
		this.lifecycle = RUNNING;
		release();
	}

	@Override
	public void cast(Object message) {
		enqueue(message);
	}

	/**
	 * Sends {@code message} and completes with the reply, with no timeout of its own: for a caller
	 * that bounds the wait itself (a member serving a call whose sender keeps the timeout), which
	 * saves a timer per message.
	 */
	public final CompletableFuture<Object> deliver(Object message) {
		CompletableFuture<Object> reply = new CompletableFuture<>();
		enqueue(new Call(message, reply));
		return reply;
	}

	@Override
	public <R> CompletableFuture<R> call(Object message, Class<R> replyType, Duration timeout) {
		CompletableFuture<Object> reply = deliver(message);
		if (reply.isDone()) {
			// Refused at once (the process ended) or already answered: no timer to set.
			return reply.thenApply(replyType::cast);
		}
		ScheduledFuture<?> timer = this.runtime.timer().schedule(
				() -> reply.completeExceptionally(new CallTimeoutException(this.key, timeout)), timeout.toNanos(),
				TimeUnit.NANOSECONDS);
		reply.whenComplete((result, error) -> timer.cancel(false));
		return reply.thenApply(replyType::cast);
	}

	@Override
	public <R> R callAndWait(Object message, Class<R> replyType, Duration timeout) {
		if (this.lifecycle == RUNNING && this.mailbox.isEmpty() && BUSY.compareAndSet(this, FREE, HELD)) {
			// The process is idle and we hold it: handle on this thread, unless something slipped in.
			try {
				if (this.lifecycle == RUNNING && this.mailbox.isEmpty() && STOP_REQUEST.getVolatile(this) == null) {
					return replyType.cast(handleInline(message, timeout));
				}
			}
			finally {
				release();
			}
		}
		return await(call(message, replyType, timeout), timeout);
	}

	private Object handleInline(Object message, Duration timeout) {
		long start = System.nanoTime();
		Object reply;
		this.runner = Thread.currentThread();
		try {
			reply = handle(message);
		}
		catch (Throwable ex) {
			if (isRefusal(ex)) {
				throw thrownToCaller(ex);
			}
			onCrash(ex);
			throw new ProcessFailedException(this.key, ex);
		}
		finally {
			this.runner = null;
			this.lastActivityNanos = System.nanoTime();
		}
		if (this.lastActivityNanos - start > timeout.toNanos()) {
			throw new CallTimeoutException(this.key, timeout);
		}
		return reply;
	}

	/**
	 * Asks the process to end with {@code reason} after the message it is handling, ahead of the
	 * queued ones (which fail with {@link ProcessNotRunningException}). Returns when it ended.
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
			throw new SagentsException("Process '" + this.key + "' did not stop within " + grace);
		}
		catch (ExecutionException ex) {
			throw new SagentsException("Process '" + this.key + "' failed to stop", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SagentsException("Interrupted while waiting for '" + this.key + "' to stop", ex);
		}
	}

	/**
	 * Stops every process of {@code processes} at once with {@code reason} and waits up to
	 * {@code grace} for all of them; those still running then are abandoned (logged, unregistered).
	 */
	public static void stopAll(Collection<? extends LocalProcess> processes, ExitReason reason, Duration grace) {
		CompletableFuture<?>[] stopped = processes.stream()
			.map((process) -> process.requestStop(reason))
			.toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(stopped).get(grace.toNanos(), TimeUnit.NANOSECONDS);
			return;
		}
		catch (TimeoutException | ExecutionException ex) {
			// Fall through to abandon the ones still running.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		for (LocalProcess process : processes) {
			if (!process.termination().isDone()) {
				logger.warn("Process {} did not stop within {}; abandoning it without its cleanup", process.key, grace);
				process.abandon();
			}
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

	/** Runs {@code action} on the process, in mailbox order, with exclusive access. */
	protected final void enqueueControl(Runnable action) {
		enqueue(new Control(action));
	}

	private void enqueue(Object envelope) {
		if (this.lifecycle == STOPPED) {
			reject(envelope);
			return;
		}
		this.mailbox.offer(envelope);
		if (this.lifecycle == STOPPED) {
			// Ended while we were queueing: nobody else will drain this.
			drainMailbox();
			return;
		}
		trySchedule();
	}

	private void trySchedule() {
		if (BUSY.compareAndSet(this, FREE, HELD)) {
			submit();
		}
	}

	private void submit() {
		try {
			this.runtime.executor().execute(this);
		}
		catch (RejectedExecutionException ex) {
			// The node is shutting down its executor: nothing can run any more.
			finish(ExitReason.SHUTDOWN, null);
			this.busy = FREE;
		}
	}

	private void release() {
		this.busy = FREE;
		if ((!this.mailbox.isEmpty() || STOP_REQUEST.getVolatile(this) != null) && this.lifecycle != STOPPED) {
			trySchedule();
		}
	}

	/** Drains up to {@link #BATCH} messages; only ever run by the holder of the busy flag. */
	@Override
	public final void run() {
		this.runner = Thread.currentThread();
		try {
			for (int handled = 0; handled < BATCH && this.lifecycle == RUNNING; handled++) {
				ExitReason stop = (ExitReason) STOP_REQUEST.getVolatile(this);
				if (stop != null) {
					stopNow(stop);
					return;
				}
				Object envelope = this.mailbox.poll();
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

	private void dispatch(Object envelope) {
		try {
			if (envelope instanceof Call call) {
				Object message;
				try {
					message = decoded(call.message);
				}
				catch (RuntimeException ex) {
					call.reply.completeExceptionally(ex);
					return;
				}
				try {
					call.reply.complete(handle(message));
				}
				catch (Throwable ex) {
					if (isRefusal(ex)) {
						call.reply.completeExceptionally(ex);
					}
					else {
						call.reply.completeExceptionally(new ProcessFailedException(this.key, ex));
						onCrash(ex);
					}
				}
			}
			else if (envelope instanceof Control control) {
				control.action.run();
			}
			else {
				Object message = decodedCast(envelope);
				if (message == null) {
					return;
				}
				try {
					handle(message);
				}
				catch (Throwable ex) {
					if (isRefusal(ex)) {
						logger.debug("Process {} refused a cast message", this.key, ex);
					}
					else {
						onCrash(ex);
					}
				}
			}
		}
		finally {
			this.lastActivityNanos = System.nanoTime();
		}
	}

	private static Object decoded(Object message) {
		return (message instanceof EncodedMessage encoded) ? encoded.decode() : message;
	}

	/** The cast {@code message}, decoded if it came encoded; {@code null} (and logged) if it could not be. */
	private Object decodedCast(Object message) {
		try {
			return decoded(message);
		}
		catch (RuntimeException ex) {
			logger.warn("Process {} dropped a cast message that could not be decoded", this.key, ex);
			return null;
		}
	}

	private void stopNow(ExitReason reason) {
		this.lifecycle = STOPPING;
		try {
			terminate(reason);
		}
		catch (Throwable ex) {
			logger.warn("Process {} failed while stopping ({}); it is stopped anyway", this.key, reason.value(), ex);
		}
		finish(reason, null);
	}

	private void onCrash(Throwable error) {
		while (this.lifecycle != STOPPED) {
			logger.warn("Process {} crashed; restarting it", this.key, error);
			try {
				crashed(error);
			}
			catch (Throwable ex) {
				logger.warn("Process {} failed while handling its crash", this.key, ex);
			}
			if (!allowRestart()) {
				logger.error("Process {} crashed {} times within {}; giving up on it", this.key, this.restartCount,
						restartIntensity().window(), error);
				finish(ExitReason.RESTART_LIMIT, error);
				return;
			}
			try {
				init();
				return;
			}
			catch (Throwable ex) {
				error = ex;
			}
		}
	}

	private boolean allowRestart() {
		RestartIntensity intensity = restartIntensity();
		if (intensity.maxRestarts() == 0) {
			return false;
		}
		if (this.restarts == null) {
			this.restarts = new long[intensity.maxRestarts()];
		}
		long now = System.nanoTime();
		long windowStart = now - intensity.window().toNanos();
		int kept = 0;
		for (int i = 0; i < this.restartCount; i++) {
			if (this.restarts[i] - windowStart > 0) {
				this.restarts[kept++] = this.restarts[i];
			}
		}
		this.restartCount = kept;
		if (kept >= this.restarts.length) {
			return false;
		}
		this.restarts[this.restartCount++] = now;
		return true;
	}

	private void finish(ExitReason reason, Throwable error) {
		// Made before the process counts as stopped, so whoever asks from then on gets this end's reason.
		CompletableFuture<ExitReason> ended = termination();
		synchronized (this) {
			if (this.lifecycle == STOPPED) {
				return;
			}
			this.lifecycle = STOPPED;
		}
		drainMailbox();
		try {
			ended(reason, error);
		}
		finally {
			ended.complete(reason);
		}
	}

	private void drainMailbox() {
		Object envelope;
		while ((envelope = this.mailbox.poll()) != null) {
			reject(envelope);
		}
	}

	private void reject(Object envelope) {
		if (envelope instanceof Call call) {
			call.reply.completeExceptionally(new ProcessNotRunningException(this.key));
		}
		else if (!(envelope instanceof Control)) {
			Object message = decodedCast(envelope);
			if (message != null) {
				undelivered(message);
			}
		}
	}

	/**
	 * Called for each cast the process ended before handling (queued at its end, or sent after
	 * it); the default drops it. A clustered host forwards it to where the process runs next.
	 */
	protected void undelivered(Object message) {
	}

	private <R> R await(CompletableFuture<R> reply, Duration timeout) {
		try {
			return reply.get(timeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(50), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw thrownToCaller(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new CallTimeoutException(this.key, timeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SagentsException("Interrupted while calling '" + this.key + "'", ex);
		}
	}

	/**
	 * What a waiting caller gets for {@code error}, a refusal or a failure of its call: an unchecked
	 * one as it is, any other in a {@link SagentsException}.
	 */
	private RuntimeException thrownToCaller(Throwable error) {
		if (error instanceof RuntimeException runtimeException) {
			return runtimeException;
		}
		return new SagentsException("Call to '" + this.key + "' failed", error);
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.key + "@" + node() + "]";
	}

	/** A call waiting for its reply. */
	private record Call(Object message, CompletableFuture<Object> reply) {
	}

	/** Work of the host on the process (timers, checks), run in mailbox order. */
	private record Control(Runnable action) {
	}

}
