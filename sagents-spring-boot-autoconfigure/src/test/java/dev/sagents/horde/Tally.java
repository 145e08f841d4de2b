package dev.sagents.horde;

import java.time.Duration;
import java.util.List;

import org.slf4j.MDC;

import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentEvent;
import dev.sagents.agent.AgentResult;
import dev.sagents.testsupport.TestAgent;

/**
 * A test agent that counts what it handled: "tick" counts, "get" answers the count, "node" where it
 * runs, "mdc" the agent and node its handler found in the MDC, "slow" answers after {@link #SLOW},
 * "fail" crashes it.
 */
class Tally extends TestAgent<Tally.Count> {

	/** How long a "slow" message takes. */
	static final Duration SLOW = Duration.ofSeconds(3);

	record Count(long handled) {
	}

	/** A message with a record payload, to show application types travel. */
	record Note(String text, int priority) {
	}

	/** The reply to a {@link Note}. */
	record Noted(String text, long handled, String node) {
	}

	/** The texts of the notes published in {@code events}, in order. */
	static List<String> notes(List<AgentEvent> events) {
		return events.stream()
			.filter(AgentEvent.Published.class::isInstance)
			.map((event) -> ((Note) ((AgentEvent.Published) event).payload()).text())
			.toList();
	}

	Tally() {
		super(Count.class, new Count(0));
	}

	@Override
	public AgentResult<Count> handle(Count state, Object message, AgentContext context) {
		if ("get".equals(message)) {
			return AgentResult.reply(state, state.handled());
		}
		if ("fail".equals(message)) {
			throw new IllegalStateException("asked to fail");
		}
		if ("mdc".equals(message)) {
			return AgentResult.reply(state, MDC.get("sagents.agent.id") + "@" + MDC.get("sagents.node"));
		}
		if ("node".equals(message)) {
			return AgentResult.reply(state, context.node());
		}
		if ("slow".equals(message)) {
			try {
				Thread.sleep(SLOW.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return AgentResult.reply(state, "slept");
		}
		Count next = new Count(state.handled() + 1);
		if (message instanceof Note note) {
			context.publish(note);
			return AgentResult.reply(next, new Noted(note.text(), next.handled(), context.node()));
		}
		return AgentResult.reply(next, next.handled());
	}

}
