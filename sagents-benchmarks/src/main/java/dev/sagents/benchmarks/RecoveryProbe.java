package dev.sagents.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import dev.sagents.agent.AgentRef;

/**
 * Measures how long the agents of one member take to answer from another member after that member
 * is disrupted (killed, hung, stopped). It asks each agent where it runs (a {@link Question}, by
 * default {@link #WHERE}), in turns over the agents not back yet, with a bounded number of calls outstanding and a short
 * timeout, from before the disruption until every agent answered from elsewhere or the deadline
 * passed. It counts the calls that failed on the way. The agents are of any kind {@code T} (sagents'
 * {@link AgentRef}s, Pekko's entity ids), named by an id.
 *
 * <p>Getting one answer from each of n agents takes at least n / throughput; the pass over all
 * agents before the disruption is reported to show that floor.
 */
final class RecoveryProbe<T> {

	/** Asks an agent where it runs ({@link Counter#WHERE}), changing nothing. */
	static final Question<AgentRef> WHERE = (agent, timeout) -> agent.call(Counter.WHERE, String.class, timeout);

	/** Calls outstanding at most: as many as in the throughput figure, so the probe loads the cluster as that does. */
	private static final int OUTSTANDING = 64;

	private final List<T> agents;

	private final Function<T, String> ids;

	private final String formerNode;

	private final Duration callTimeout;

	private final Question<T> question;

	private final Queue<T> turns;

	private final Map<String, Long> answeredAt = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

	private final AtomicInteger answersBeforeDisruption = new AtomicInteger();

	private final AtomicLong disruptedAt = new AtomicLong(Long.MAX_VALUE);

	private final Semaphore outstanding = new Semaphore(OUTSTANDING);

	RecoveryProbe(List<T> agents, Function<T, String> ids, String formerNode, Duration callTimeout,
			Question<T> question) {
		this.agents = agents;
		this.ids = ids;
		this.formerNode = formerNode;
		this.callTimeout = callTimeout;
		this.question = question;
		this.turns = new ConcurrentLinkedQueue<>(agents);
	}

	/**
	 * Polls for {@code warmUp}, runs {@code disruption}, then polls until every agent answered from
	 * another node or {@code deadline} passed; the outstanding calls are awaited before it returns.
	 */
	Result measure(Duration warmUp, Disruption disruption, Duration deadline) throws Exception {
		long pollingSince = System.nanoTime();
		long warmUpEnd = pollingSince + warmUp.toNanos();
		while (System.nanoTime() - warmUpEnd < 0) {
			pollNext();
		}
		long disrupted = System.nanoTime();
		int answersBefore = this.answersBeforeDisruption.get();
		this.disruptedAt.set(disrupted);
		disruption.run();
		long end = disrupted + deadline.toNanos();
		while (this.answeredAt.size() < this.agents.size() && System.nanoTime() - end < 0) {
			pollNext();
		}
		this.outstanding.acquire(OUTSTANDING);
		long[] back = this.answeredAt.values().stream().mapToLong((at) -> at - disrupted).sorted().toArray();
		double passMillis = (answersBefore > 0) ? (disrupted - pollingSince) / 1e6 * this.agents.size() / answersBefore
				: Double.NaN;
		List<String> notBack = this.agents.stream()
			.map(this.ids)
			.filter((id) -> !this.answeredAt.containsKey(id))
			.toList();
		return new Result(this.agents.size(), back, passMillis, failures(), notBack);
	}

	private void pollNext() throws InterruptedException {
		if (!this.outstanding.tryAcquire(10, TimeUnit.MILLISECONDS)) {
			return;
		}
		T agent = this.turns.poll();
		if (agent == null) {
			// Every agent not back yet has a call outstanding.
			this.outstanding.release();
			Thread.sleep(1);
			return;
		}
		this.question.ask(agent, this.callTimeout).whenComplete((node, error) -> {
			long now = System.nanoTime();
			boolean disrupted = now - this.disruptedAt.get() >= 0;
			if (error != null) {
				Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause()
						: error;
				this.failures.computeIfAbsent(cause.getClass().getSimpleName(), (name) -> new LongAdder()).increment();
				this.turns.add(agent);
			}
			else if (disrupted && !node.equals(this.formerNode)) {
				this.answeredAt.put(this.ids.apply(agent), now);
			}
			else {
				if (!disrupted) {
					this.answersBeforeDisruption.incrementAndGet();
				}
				this.turns.add(agent);
			}
			this.outstanding.release();
		});
	}

	private Map<String, Long> failures() {
		Map<String, Long> counts = new TreeMap<>();
		this.failures.forEach((type, count) -> counts.put(type, count.sum()));
		return counts;
	}

	/** One call to an agent that answers the node it runs on. */
	@FunctionalInterface
	interface Question<T> {

		CompletionStage<String> ask(T agent, Duration timeout);

	}

	/** What disrupts the member. */
	@FunctionalInterface
	interface Disruption {

		void run() throws Exception;

	}

	/**
	 * @param agents how many agents the member hosted
	 * @param backNanos for each agent that answered from elsewhere, when, from the disruption, sorted
	 * @param passMillis how long one answer from every agent took before the disruption
	 * @param failures the calls that failed, by exception type
	 * @param notBack the ids of the agents that did not answer from elsewhere
	 */
	record Result(int agents, long[] backNanos, double passMillis, Map<String, Long> failures, List<String> notBack) {

		/** Whether every agent answered from elsewhere. */
		boolean allBack() {
			return this.backNanos.length == this.agents;
		}

		/** When the last agent answered, in milliseconds from the disruption. */
		double lastMillis() {
			return millisAt(this.backNanos.length - 1);
		}

		/** When the first agent answered, in milliseconds from the disruption. */
		double firstMillis() {
			return millisAt(0);
		}

		/** When half of the agents (of those that answered) had answered, in milliseconds from the disruption. */
		double halfMillis() {
			return millisAt(this.backNanos.length / 2);
		}

		double millisAt(double fraction) {
			return millisAt((int) Math.min(this.backNanos.length - 1, Math.floor(fraction * this.backNanos.length)));
		}

		private double millisAt(int index) {
			return (this.backNanos.length == 0) ? Double.NaN : this.backNanos[index] / 1e6;
		}

		long failedCalls() {
			return this.failures.values().stream().mapToLong(Long::longValue).sum();
		}

	}

}
