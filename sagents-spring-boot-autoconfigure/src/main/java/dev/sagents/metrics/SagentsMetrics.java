package dev.sagents.metrics;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import dev.sagents.process.ProcessKind;

/**
 * The events the runtime reports as they happen, for metrics. Called on the threads the events
 * happen on, handlers' and callers' included: an implementation must be thread-safe, must not
 * block, and must not throw. Every method does nothing by default; {@link #NONE} is used when the
 * application has no metrics.
 */
public interface SagentsMetrics {

	/** Reports nothing, at no cost beyond the call. */
	SagentsMetrics NONE = new SagentsMetrics() {

		@Override
		public <T> CompletableFuture<T> timedCall(CallLocation location, long startNanos, CompletableFuture<T> call) {
			return call;
		}

	};

	/** A process of {@code kind} started on this node (a first start, a failover or a handoff). */
	default void started(ProcessKind kind) {
	}

	/** A process of {@code kind} hosted on this node ended, for any reason but giving up on it. */
	default void stopped(ProcessKind kind) {
	}

	/** A process of {@code kind} crashed (its handler, or its init on a restart, threw). */
	default void failed(ProcessKind kind) {
	}

	/** A process of {@code kind} that crashed was started again. */
	default void restarted(ProcessKind kind) {
	}

	/** A process of {@code kind} crashed too often and was given up on. */
	default void gaveUp(ProcessKind kind) {
	}

	/**
	 * A process of {@code kind} whose member failed or left restarted on this node,
	 * {@code nanos} after this node noticed the departure.
	 */
	default void failedOver(ProcessKind kind, long nanos) {
	}

	/**
	 * A process of {@code kind} this node stopped, draining or moving it to the member that owns it
	 * now (active rebalancing), was started by the member it was handed to, which confirmed it
	 * {@code nanos} after this node offered it.
	 */
	default void handedOff(ProcessKind kind, long nanos) {
	}

	/** A call made on this node ended with {@code outcome} after {@code nanos}. */
	default void called(CallLocation location, CallOutcome outcome, long nanos) {
	}

	/** A cast made on this node was accepted (queued or sent), or refused. */
	default void cast(CallLocation location, boolean accepted) {
	}

	/**
	 * A call or cast to a process of {@code kind}, or a reply from one, was refused for going over
	 * {@code limit}.
	 */
	default void refused(Limit limit, ProcessKind kind) {
	}

	/** The codec encoded a message, reply or event of {@code bytes} bytes to send to another member. */
	default void encoded(int bytes) {
	}

	/**
	 * Reports {@code call}, begun at {@code startNanos} ({@link System#nanoTime()}), when it
	 * completes; returns {@code call}.
	 */
	default <T> CompletableFuture<T> timedCall(CallLocation location, long startNanos, CompletableFuture<T> call) {
		call.whenComplete((reply, error) -> called(location, CallOutcome.of(error), System.nanoTime() - startNanos));
		return call;
	}

	/**
	 * Runs {@code call}, a call made on this node that waits for its reply, and reports it; returns
	 * the reply, or throws what the call threw.
	 */
	default <T> T timedCallAndWait(CallLocation location, Supplier<T> call) {
		long start = System.nanoTime();
		try {
			T reply = call.get();
			called(location, CallOutcome.SUCCESS, System.nanoTime() - start);
			return reply;
		}
		catch (RuntimeException ex) {
			called(location, CallOutcome.of(ex), System.nanoTime() - start);
			throw ex;
		}
	}

}
