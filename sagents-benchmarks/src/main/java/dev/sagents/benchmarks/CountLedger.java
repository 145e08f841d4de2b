package dev.sagents.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.sagents.agent.AgentRef;

/**
 * What the persistence benchmark knows of each agent's count: it changes state only through
 * {@link Counter#INCREMENT}, which answers the new count, so every answer can be checked against
 * the answers before; {@link Counter#WHERE_COUNT} answers the count without changing it. An
 * increment's answer is expected to be one more than the last one, a read's the last one; a call that failed
 * (timed out) may or may not have been counted, so after {@code n} failures up to {@code n} more
 * is expected too. An answer below that lost acknowledged changes (write-through promises none
 * after a crash, coalesced at most its delay's worth); one above it counted a change twice. Each
 * agent has one call outstanding at most (more agents than calls outstanding, taken in turns).
 */
final class CountLedger {

	private final Map<String, Expected> expected = new ConcurrentHashMap<>();

	private final LongAdder answers = new LongAdder();

	private final LongAdder lostAnswers = new LongAdder();

	private final LongAdder lostChanges = new LongAdder();

	private final LongAdder countedTwice = new LongAdder();

	/** Increments {@code agent} and checks its answer; completes with the node that answered. */
	CompletionStage<String> increment(AgentRef agent, Duration timeout) {
		return ask(agent, Counter.INCREMENT, 1, timeout);
	}

	/**
	 * Asks {@code agent} its count without changing it ({@link Counter#WHERE_COUNT}) and checks the
	 * answer: the last acknowledged count, or up to one more per call that failed since. Completes
	 * with the node that answered.
	 */
	CompletionStage<String> read(AgentRef agent, Duration timeout) {
		return ask(agent, Counter.WHERE_COUNT, 0, timeout);
	}

	/** Sends {@code message}, which adds {@code added} to the count, and checks the count answered. */
	private CompletionStage<String> ask(AgentRef agent, String message, long added, Duration timeout) {
		return agent.call(message, String.class, timeout).whenComplete((answer, error) -> {
			Expected next = this.expected.computeIfAbsent(agent.id(), (id) -> new Expected());
			if (error != null) {
				next.uncertain += added;
				return;
			}
			long count = Long.parseLong(answer.substring(answer.indexOf(' ') + 1));
			this.answers.increment();
			if (count < next.acknowledged + added) {
				this.lostAnswers.increment();
				this.lostChanges.add(next.acknowledged + added - count);
			}
			else if (count > next.acknowledged + added + next.uncertain) {
				this.countedTwice.increment();
			}
			next.acknowledged = count;
			next.uncertain = 0;
		}).thenApply((answer) -> answer.substring(0, answer.indexOf(' ')));
	}

	/** The checks so far. */
	Checks checks() {
		return new Checks(this.answers.sum(), this.lostAnswers.sum(), this.lostChanges.sum(), this.countedTwice.sum());
	}

	/** One agent's last acknowledged count and the calls that failed since; guarded by its one outstanding call. */
	private static final class Expected {

		private volatile long acknowledged;

		private volatile long uncertain;

	}

	/**
	 * @param answers increments answered
	 * @param lostAnswers answers below the last acknowledged count plus one
	 * @param lostChanges acknowledged changes those answers had lost, in all
	 * @param countedTwice answers above what was sent
	 */
	record Checks(long answers, long lostAnswers, long lostChanges, long countedTwice) {

		/** What happened since {@code before}. */
		Checks since(Checks before) {
			return new Checks(this.answers - before.answers, this.lostAnswers - before.lostAnswers,
					this.lostChanges - before.lostChanges, this.countedTwice - before.countedTwice);
		}

		@Override
		public String toString() {
			return String.format("%,d answers checked: %,d lost acknowledged changes (%,d in all), %,d counted a change twice",
					this.answers, this.lostAnswers, this.lostChanges, this.countedTwice);
		}

	}

}
