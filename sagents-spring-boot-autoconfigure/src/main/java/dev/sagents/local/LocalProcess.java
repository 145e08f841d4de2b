package dev.sagents.local;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.local.Envelopes.Call;
import dev.sagents.local.Envelopes.Control;
import dev.sagents.metrics.CallLocation;
import dev.sagents.metrics.CallOutcome;
import dev.sagents.observation.Observed;
import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessError;
import dev.sagents.process.ProcessFailedException;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessRef;
import dev.sagents.process.ProcessStartException;
import dev.sagents.process.SagentsException;
import dev.sagents.supervisor.ExitReason;
import dev.sagents.supervisor.RestartIntensity;

/**
 * A process hosted on this node: one mailbox, drained on the shared executor one message at a
 * time, with transient restarts. Subclasses supply {@link #init()}, {@link #handle(Object)} and
 * {@link #terminate(ExitReason)}; all three run with exclusive access, so subclass state needs no
 * locking. An idle process holds no thread and no timer: its cost is this object, an empty queue
 * and the subclass's state.
 *
 * <p>This class says what handling a message means: the reply, a refusal, a crash and its restart,
 * a caller of {@link #callAndWait} that found the process idle running the handler itself, and a
 * caller waiting for the future of {@link #call} draining the queue up to its call itself
 * ({@link CallContinuations}), its reply handed to it off the process's thread.
 * Subclasses may check or copy what a sender on this node gives ({@link #accepted},
 * {@link #checkReplyType}), and their handler what it replies: an agent's values so behave as
 * between members. Its parts say the rest: {@link Mailbox} (its superclass: the queue, who drains it and when, the stop
 * and the end), {@link Envelopes} (what the mailbox holds, how a reply goes back),
 * {@link CallerWait} (a caller's wait for its reply, timeouts and errors) and {@link Crashes}
 * (the last crash, and whether another may still be restarted).
 */
public abstract class LocalProcess extends Mailbox implements ProcessRef {

	private static final Logger logger = LoggerFactory.getLogger(LocalProcess.class);

	private final ProcessKey key;

	protected final LocalProcessRuntime runtime;

	private volatile long lastActivityNanos;

	/** Made on the first crash. */
	private volatile Crashes crashes;

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
	 * carries on) rather than a crash.
	 */
	protected abstract boolean isRefusal(Throwable error);

	/**
	 * The message the handler gets for {@code message}, cast or called on this node (not one a
	 * member delivers: {@link Delivery}); the default: the message itself. A subclass may check it
	 * or replace it with a copy: what it throws refuses the message before it is queued (thrown to
	 * a cast's sender and a waiting caller, failing the future of {@link #call}).
	 */
	protected Object accepted(Object message) {
		return message;
	}

	/**
	 * Checks, before a call on this node is queued, that a reply could be had as
	 * {@code replyType}; what it throws refuses the call as {@link #accepted} does. The default
	 * accepts every type.
	 */
	protected void checkReplyType(Class<?> replyType) {
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

	/** Nanos (System.nanoTime) of the last handled message or of the start. */
	public final long lastActivityNanos() {
		return this.lastActivityNanos;
	}

	/** The last crash it was restarted from (or given up after), or {@code null}. */
	public final ProcessError lastError() {
		Crashes crashes = this.crashes;
		return (crashes != null) ? crashes.last() : null;
	}

	/**
	 * Runs {@link #init()} on the calling thread. Until it returns, messages queue up; then they are
	 * handled in order. If it throws, the process ends (queued calls fail, {@link #ended} runs) and
	 * {@link ProcessStartException} is thrown.
	 */
	public final void start() {
		if (!holdForStart()) {
			throw new IllegalStateException("Process " + this.key + " was already started");
		}
		try {
			init();
		}
		catch (Throwable ex) {
			openFailed(ex);
			throw new ProcessStartException(this.key, ex);
		}
		this.lastActivityNanos = System.nanoTime();
		this.runtime.metrics().started(this.key.kind());
		open();
	}

	@Override
	public final void cast(Object message) {
		Observed observed = Observed.NONE;
		try {
			Object accepted = accepted(Arguments.notNull(message, "message"));
			observed = this.runtime.castObserved(this.key);
			// The host's own work and stops are never refused; a sender's messages over the capacity are.
			if (!offer(this.runtime.queuedCast(this.key, accepted, observed.headers()), this.runtime.mailboxCapacity())) {
				throw this.runtime.mailboxFull(this.key);
			}
		}
		catch (RuntimeException ex) {
			observed.stop(ex);
			this.runtime.metrics().cast(CallLocation.LOCAL, false);
			throw ex;
		}
		// Observed until queued: its handling is observed apart, in the trace it continues.
		observed.stop(null);
		this.runtime.metrics().cast(CallLocation.LOCAL, true);
	}

	@Override
	public final <R> CompletableFuture<R> call(Object message, Class<R> replyType, Duration timeout) {
		Arguments.notNull(message, "message");
		Arguments.notNull(replyType, "replyType");
		Arguments.notNull(timeout, "timeout");
		long start = System.nanoTime();
		Object sent;
		try {
			checkReplyType(replyType);
			sent = this.runtime.called(this.key, accepted(message));
		}
		catch (RuntimeException ex) {
			this.runtime.metrics().called(CallLocation.LOCAL, CallOutcome.ERROR, System.nanoTime() - start);
			return CompletableFuture.failedFuture(ex);
		}
		CompletableFuture<Object> reply = Delivery.call(this, sent);
		if (reply.isDone()) {
			// Refused at once: the process ended, or its mailbox is full.
			return this.runtime.metrics().timedCall(CallLocation.LOCAL, start, reply).thenApply(replyType::cast);
		}
		// The reply is handed over off the process's thread: to the thread that waits for it, which
		// until then drains the queue up to this call itself, else to the executor.
		CallContinuations continuations = new CallContinuations(executor(), () -> helpUntil(reply::isDone));
		CallFuture<Object> result = new CallFuture<>(continuations);
		this.runtime.metrics()
			.timedCall(CallLocation.LOCAL, start, CallerWait.withTimeout(this.key, reply, timeout, this.runtime.timer()))
			.whenComplete((value, error) -> continuations.execute(() -> result.settle(value, error)));
		return result.thenApply(replyType::cast);
	}

	@Override
	public final <R> R callAndWait(Object message, Class<R> replyType, Duration timeout) {
		return this.runtime.metrics()
			.timedCallAndWait(CallLocation.LOCAL, () -> awaitReply(message, replyType, timeout));
	}

	private <R> R awaitReply(Object message, Class<R> replyType, Duration timeout) {
		Arguments.notNull(message, "message");
		Arguments.notNull(replyType, "replyType");
		Arguments.notNull(timeout, "timeout");
		checkReplyType(replyType);
		Object sent = this.runtime.called(this.key, accepted(message));
		Object reply;
		if (holdIfIdle()) {
			// The process is idle and we hold it: handle on this thread.
			try {
				reply = handleInline(sent, timeout);
			}
			finally {
				release();
			}
		}
		else {
			reply = CallerWait.await(this.key,
					CallerWait.withTimeout(this.key, Delivery.call(this, sent), timeout, this.runtime.timer()), timeout);
		}
		return replyType.cast(reply);
	}

	private Object handleInline(Object message, Duration timeout) {
		long start = System.nanoTime();
		Object reply;
		runningOn(Thread.currentThread());
		try {
			reply = handle(message);
		}
		catch (Throwable ex) {
			if (isRefusal(ex)) {
				throw CallerWait.thrownToCaller(this.key, ex);
			}
			onCrash(ex);
			throw new ProcessFailedException(this.key, ex);
		}
		finally {
			runningOn(null);
			this.lastActivityNanos = System.nanoTime();
		}
		CallerWait.ensureInTime(this.key, start, this.lastActivityNanos, timeout);
		return reply;
	}

	/** Runs {@code action} on the process, in mailbox order, with exclusive access. */
	protected final void enqueueControl(Runnable action) {
		enqueue(new Control(action));
	}

	@Override
	final void dispatch(Object envelope) {
		try {
			if (envelope instanceof Call call) {
				Object message;
				try {
					message = Envelopes.decoded(call.message());
				}
				catch (RuntimeException ex) {
					call.fail(ex);
					return;
				}
				try {
					call.answer(handle(message));
				}
				catch (Throwable ex) {
					if (isRefusal(ex)) {
						call.fail(ex);
					}
					else {
						call.crashed(this.key, ex);
						onCrash(ex);
					}
				}
			}
			else if (envelope instanceof Control control) {
				control.action().run();
			}
			else {
				Object message = Envelopes.decodedCast(this.key, envelope);
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

	@Override
	final void stopping(ExitReason reason) {
		try {
			terminate(reason);
		}
		catch (Throwable ex) {
			logger.warn("Process {} failed while stopping ({}); it is stopped anyway", this.key, reason.value(), ex);
		}
	}

	private void onCrash(Throwable error) {
		if (this.crashes == null) {
			this.crashes = new Crashes(this.key, restartIntensity());
		}
		while (!isStopped()) {
			this.runtime.metrics().failed(this.key.kind());
			this.crashes.record(error);
			try {
				crashed(error);
			}
			catch (Throwable ex) {
				logger.warn("Process {} failed while handling its crash", this.key, ex);
			}
			if (!this.crashes.allowRestart(error)) {
				finish(ExitReason.RESTART_LIMIT, error);
				return;
			}
			try {
				init();
				this.runtime.metrics().restarted(this.key.kind());
				return;
			}
			catch (Throwable ex) {
				error = ex;
			}
		}
	}

	@Override
	final void rejected(Object envelope) {
		if (envelope instanceof Call call) {
			call.notRunning(this.key);
		}
		else if (!(envelope instanceof Control)) {
			Object message = Envelopes.decodedCast(this.key, envelope);
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

	@Override
	final void closed(ExitReason reason, Throwable error) {
		ProcessEnds.report(this.runtime.metrics(), this.key.kind(), reason, error);
		ended(reason, error);
	}

	@Override
	final Executor executor() {
		return this.runtime.executor();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.key + "@" + node() + "]";
	}

}
