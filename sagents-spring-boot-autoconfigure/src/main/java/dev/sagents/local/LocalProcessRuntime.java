package dev.sagents.local;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import dev.sagents.codec.Transit;
import dev.sagents.metrics.CallLocation;
import dev.sagents.metrics.Limit;
import dev.sagents.metrics.SagentsMetrics;
import dev.sagents.observation.Exchange;
import dev.sagents.observation.Observed;
import dev.sagents.observation.SagentsObservations;
import dev.sagents.observation.TraceHeaders;
import dev.sagents.process.Arguments;
import dev.sagents.process.MailboxFullException;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;

/**
 * The node's process host: the executor that drains mailboxes, one daemon timer thread for
 * call timeouts, inactivity sweeps and persistence debounces, the {@link Transit} of the
 * values its agents take and give, and where its processes report their metrics and observations. Processes borrow threads only while
 * they have messages, so idle processes cost no thread.
 */
public final class LocalProcessRuntime implements AutoCloseable {

	/** How many messages a mailbox holds unless told otherwise. */
	public static final int DEFAULT_MAILBOX_CAPACITY = 10_000;

	private final String node;

	private final Executor executor;

	private final ScheduledThreadPoolExecutor timer;

	private final Transit transit;

	private final SagentsMetrics metrics;

	private final int mailboxCapacity;

	private final SagentsObservations observations;

	/**
	 * A runtime whose agents take messages and give replies as they are, unchecked.
	 *
	 * @param node this node's name
	 * @param executor runs the handlers; owned by the caller (not shut down by {@link #close()})
	 */
	public LocalProcessRuntime(String node, Executor executor) {
		this(node, executor, Transit.unchecked());
	}

	/**
	 * @param node this node's name
	 * @param executor runs the handlers; owned by the caller (not shut down by {@link #close()})
	 * @param transit what the messages and replies of calls to this node's agents go through, so
	 * that they behave as between members
	 */
	public LocalProcessRuntime(String node, Executor executor, Transit transit) {
		this(node, executor, transit, SagentsMetrics.NONE);
	}

	/**
	 * @param node this node's name
	 * @param executor runs the handlers; owned by the caller (not shut down by {@link #close()})
	 * @param transit what the messages and replies of calls to this node's agents go through
	 * @param metrics where this node's processes report their starts, ends, crashes, calls and casts
	 */
	public LocalProcessRuntime(String node, Executor executor, Transit transit, SagentsMetrics metrics) {
		this(node, executor, transit, metrics, DEFAULT_MAILBOX_CAPACITY, SagentsObservations.NONE);
	}

	/**
	 * @param node this node's name
	 * @param executor runs the handlers; owned by the caller (not shut down by {@link #close()})
	 * @param transit what the messages and replies of calls to this node's agents go through
	 * @param metrics where this node's processes report their starts, ends, crashes, calls and casts
	 * @param mailboxCapacity how many messages the mailbox of each process may hold (positive)
	 * @param observations where the calls and casts to agents are observed
	 */
	public LocalProcessRuntime(String node, Executor executor, Transit transit, SagentsMetrics metrics,
			int mailboxCapacity, SagentsObservations observations) {
		if (mailboxCapacity <= 0) {
			throw new IllegalArgumentException("mailboxCapacity must be positive, not " + mailboxCapacity);
		}
		this.mailboxCapacity = mailboxCapacity;
		this.node = Arguments.notNull(node, "node");
		this.executor = Arguments.notNull(executor, "executor");
		this.transit = Arguments.notNull(transit, "transit");
		this.metrics = Arguments.notNull(metrics, "metrics");
		this.observations = Arguments.notNull(observations, "observations");
		this.timer = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "sagents-timer");
			thread.setDaemon(true);
			return thread;
		});
		// Call timeouts are usually cancelled; do not let them pile up in the queue.
		this.timer.setRemoveOnCancelPolicy(true);
	}

	/** This node's name. */
	public String node() {
		return this.node;
	}

	/** The executor that runs handlers. */
	public Executor executor() {
		return this.executor;
	}

	/** What the messages and replies of calls to this node's agents go through. */
	public Transit transit() {
		return this.transit;
	}

	/** Where this node's processes report what happens to them. */
	public SagentsMetrics metrics() {
		return this.metrics;
	}

	/** How many messages the mailbox of each process may hold; calls and casts over it are refused. */
	public int mailboxCapacity() {
		return this.mailboxCapacity;
	}

	/**
	 * The refusal of a call or cast to {@code key} whose mailbox is full, counted as such.
	 */
	MailboxFullException mailboxFull(ProcessKey key) {
		refusedForCapacity(key);
		return new MailboxFullException(key, this.mailboxCapacity);
	}

	/** Counts a call or cast to {@code key} refused because its mailbox is full. */
	void refusedForCapacity(ProcessKey key) {
		this.metrics.refused(Limit.MAILBOX, key.kind());
	}

	/** Where the calls and casts to agents are observed. */
	public SagentsObservations observations() {
		return this.observations;
	}

	/**
	 * {@code message}, called on this node on process {@code key}, with the observation of its call
	 * started ({@link TracedMessage}); as it is when nothing is observed, when {@code key} is not an
	 * agent's, or when it carries its observation already (sent from another member).
	 */
	Object called(ProcessKey key, Object message) {
		if (!isObserved(key) || message instanceof TracedMessage) {
			return message;
		}
		return TracedMessage.of(message, this.observations.send(Exchange.CALL, key, CallLocation.LOCAL));
	}

	/**
	 * Starts observing a cast to process {@code key} from the calling thread until it is queued, or
	 * {@link Observed#NONE} when nothing is observed or {@code key} is not an agent's.
	 */
	Observed castObserved(ProcessKey key) {
		return isObserved(key) ? this.observations.send(Exchange.CAST, key, CallLocation.LOCAL) : Observed.NONE;
	}

	/**
	 * What the mailbox of process {@code key} holds for cast {@code message}: a {@link TracedCast},
	 * whose handling is observed in the trace of {@code headers} ({@code null}: a trace of its own),
	 * or the message itself when nothing is observed or {@code key} is not an agent's.
	 */
	Object queuedCast(ProcessKey key, Object message, TraceHeaders headers) {
		return isObserved(key) ? TracedCast.of(message, headers) : message;
	}

	private boolean isObserved(ProcessKey key) {
		return this.observations != SagentsObservations.NONE && key.kind() == ProcessKind.AGENT;
	}

	/** The timer; its tasks must be short and must not block. */
	public ScheduledExecutorService timer() {
		return this.timer;
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

}
