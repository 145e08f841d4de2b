package dev.sagents.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.SagentsException;
import dev.sagents.process.StaleActivationException;

/**
 * The node's writes of agent states to an {@link AgentStateStore}, in its {@link WriteMode}: the
 * latest pending write per agent, and one thread that writes everything pending as one batch
 * ({@link AgentStateStore#write(List)}). While a batch is on its way the next one collects, so
 * many agents writing at once share round trips (a group commit). A write someone waits for (every
 * write in {@link WriteMode#WRITE_THROUGH}, a stop's or a crash restart's in
 * {@link WriteMode#COALESCED}) is written at once; the others when the oldest of them is one
 * coalesce delay old.
 *
 * <p>A write refused because a newer activation claimed its agent completes with
 * {@link StaleActivationException}. A batch that fails completes the writes someone waits for with
 * the failure; the others stay pending and are tried again one delay later, never dropped while
 * the writer runs. {@link #close()} writes what is pending, then stops the thread.
 */
public final class StateWriter implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(StateWriter.class);

	private final AgentStateStore store;

	private final WriteMode mode;

	private final long delayNanos;

	private final Object lock = new Object();

	/** The latest pending write per agent, oldest first (a replaced write keeps its place). */
	private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();

	/** The writes of the batch on its way, by agent. */
	private Map<String, Pending> writing = Map.of();

	/** Whether a pending write is waited for, so the next batch goes now. */
	private boolean urgent;

	private boolean closed;

	private final Thread thread;

	/**
	 * Starts the writer's thread.
	 *
	 * @param store where the states go
	 * @param mode when a write reaches the store
	 * @param coalesceDelay with {@link WriteMode#COALESCED}, how long a write may wait for others
	 */
	public StateWriter(AgentStateStore store, WriteMode mode, Duration coalesceDelay) {
		this.store = Arguments.notNull(store, "store");
		this.mode = Arguments.notNull(mode, "mode");
		this.delayNanos = Arguments.notNull(coalesceDelay, "coalesceDelay").toNanos();
		this.thread = new Thread(this::run, "sagents-state-writer");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** The write mode. */
	public WriteMode mode() {
		return this.mode;
	}

	/**
	 * Queues {@code write}, replacing a pending write of the same agent: that write is not written,
	 * and the future it returned completes with this one (it is the same future). Wakes the
	 * writer's thread only when the write changes when the next batch goes (nothing was pending,
	 * or it is waited for), not for each write.
	 *
	 * @param waited whether the caller waits for it, so it goes at once
	 * @return completed once it is stored; failed with {@link StaleActivationException} if refused
	 */
	public CompletableFuture<Void> write(StateWrite write, boolean waited) {
		Arguments.notNull(write, "write");
		boolean waits = waited || this.mode == WriteMode.WRITE_THROUGH;
		synchronized (this.lock) {
			if (!this.closed) {
				Pending queued = this.pending.get(write.agentId());
				boolean wake = this.pending.isEmpty() || (waits && !this.urgent);
				if (queued != null) {
					queued.write = write;
					queued.waited |= waits;
				}
				else {
					queued = new Pending(write, waits, System.nanoTime() + this.delayNanos);
					this.pending.put(write.agentId(), queued);
				}
				this.urgent |= waits;
				if (wake) {
					this.lock.notifyAll();
				}
				return queued.done;
			}
		}
		// Closed: no thread writes any more; this caller does.
		Pending next = new Pending(write, waits, System.nanoTime());
		writeBatch(List.of(next), true);
		return next.done;
	}

	/** Writes {@code agentId}'s pending write now; completes once it is stored (at once if none is pending). */
	public CompletableFuture<Void> flush(String agentId) {
		synchronized (this.lock) {
			Pending queued = this.pending.get(agentId);
			if (queued != null) {
				queued.waited = true;
				this.urgent = true;
				this.lock.notifyAll();
				return queued.done;
			}
			Pending onItsWay = this.writing.get(agentId);
			if (onItsWay == null) {
				return CompletableFuture.completedFuture(null);
			}
			// Waited for now: if its batch fails, the failure reaches the waiter instead of a retry.
			onItsWay.waited = true;
			return onItsWay.done;
		}
	}

	/**
	 * Waits for {@code written}; its failure is thrown as it is when unchecked (a
	 * {@link StaleActivationException} among them), else in a {@link SagentsException}.
	 */
	public static void await(CompletableFuture<Void> written) {
		try {
			written.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException unchecked) {
				throw unchecked;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new SagentsException("Could not store an agent state", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SagentsException("Interrupted while waiting for an agent state to be stored", ex);
		}
	}

	/** Writes what is pending, then stops the thread; later writes are written by their callers. */
	@Override
	public void close() {
		synchronized (this.lock) {
			this.closed = true;
			this.lock.notifyAll();
		}
		try {
			this.thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void run() {
		while (true) {
			List<Pending> batch;
			boolean closing;
			synchronized (this.lock) {
				while (!this.closed && !isDue()) {
					try {
						waitForWork();
					}
					catch (InterruptedException ex) {
						// Only close() ends the writer: what is pending must still be written.
						Thread.interrupted();
					}
				}
				if (this.pending.isEmpty()) {
					return;
				}
				batch = new ArrayList<>(this.pending.values());
				this.pending.clear();
				this.urgent = false;
				Map<String, Pending> byAgent = new HashMap<>();
				batch.forEach((write) -> byAgent.put(write.write.agentId(), write));
				this.writing = byAgent;
				closing = this.closed;
			}
			writeBatch(batch, closing);
			synchronized (this.lock) {
				this.writing = Map.of();
			}
		}
	}

	private boolean isDue() {
		return !this.pending.isEmpty()
				&& (this.urgent || this.pending.values().iterator().next().due - System.nanoTime() <= 0);
	}

	private void waitForWork() throws InterruptedException {
		if (this.pending.isEmpty()) {
			this.lock.wait();
		}
		else {
			TimeUnit.NANOSECONDS.timedWait(this.lock,
					Math.max(1, this.pending.values().iterator().next().due - System.nanoTime()));
		}
	}

	private void writeBatch(List<Pending> batch, boolean closing) {
		boolean[] written;
		try {
			written = this.store.write(batch.stream().map((write) -> write.write).toList());
			if (written == null || written.length != batch.size()) {
				throw new IllegalStateException("The store " + this.store + " answered "
						+ ((written != null) ? written.length : "no") + " outcomes for " + batch.size() + " writes");
			}
		}
		catch (Throwable ex) {
			// Whatever the store throws, the writer's thread goes on: a batch fails, it does not stop the writes.
			failed(batch, ex, closing);
			return;
		}
		for (int i = 0; i < batch.size(); i++) {
			Pending write = batch.get(i);
			if (written[i]) {
				write.done.complete(null);
			}
			else {
				write.done.completeExceptionally(
						new StaleActivationException(ProcessKey.agent(write.write.agentId()), write.write.epoch()));
			}
		}
	}

	/**
	 * The writes someone waits for fail with {@code error}; the others are tried again one delay
	 * later, unless a newer write of their agent is pending (they complete with it) or the writer
	 * closes (they are lost, and logged).
	 */
	private void failed(List<Pending> batch, Throwable error, boolean closing) {
		List<String> lost = new ArrayList<>();
		int retried = 0;
		synchronized (this.lock) {
			long due = System.nanoTime() + this.delayNanos;
			for (Pending write : batch) {
				Pending newer = this.pending.get(write.write.agentId());
				if (write.waited || closing) {
					write.done.completeExceptionally(error);
					if (!write.waited && newer == null) {
						lost.add(write.write.agentId());
					}
				}
				else if (newer != null) {
					newer.done.whenComplete((done, failure) -> completeLike(write.done, failure));
				}
				else {
					write.due = due;
					this.pending.put(write.write.agentId(), write);
					retried++;
				}
			}
		}
		if (!lost.isEmpty()) {
			logger.error("Could not store the state of {} agent(s) before the node stopped; their last changes are lost: {}",
					lost.size(), lost, error);
		}
		else if (retried > 0) {
			logger.warn("Could not store the state of {} agent(s); trying again in {} ms: {}", retried,
					TimeUnit.NANOSECONDS.toMillis(this.delayNanos), error.toString());
		}
	}

	private static void completeLike(CompletableFuture<Void> target, Throwable error) {
		if (error != null) {
			target.completeExceptionally(error);
		}
		else {
			target.complete(null);
		}
	}

	/** A write on its way to the store. */
	private static final class Pending {

		private final CompletableFuture<Void> done = new CompletableFuture<>();

		/**
		 * The agent's latest write; guarded by the writer's lock while it is pending (a newer
		 * write replaces it), read by the thread that writes it once it left the pending writes.
		 */
		private StateWrite write;

		/** Whether someone waits for it; guarded by the writer's lock. */
		private boolean waited;

		/** When it is due (System.nanoTime); guarded by the writer's lock. */
		private long due;

		private Pending(StateWrite write, boolean waited, long due) {
			this.write = write;
			this.waited = waited;
			this.due = due;
		}

	}

}
