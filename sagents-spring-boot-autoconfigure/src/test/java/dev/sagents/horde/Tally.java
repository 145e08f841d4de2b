package dev.sagents.horde;

import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentResult;

/** A test agent that counts what it handled: "tick" counts, "get" answers the count, "node" where it runs. */
class Tally implements AgentBehavior<Tally.Count> {

	record Count(long handled) {
	}

	/** A message with a record payload, to show application types travel. */
	record Note(String text, int priority) {
	}

	/** The reply to a {@link Note}. */
	record Noted(String text, long handled, String node) {
	}

	@Override
	public Class<Count> stateType() {
		return Count.class;
	}

	@Override
	public Count initialState(AgentContext context) {
		return new Count(0);
	}

	@Override
	public AgentResult<Count> handle(Count state, Object message, AgentContext context) {
		if ("get".equals(message)) {
			return AgentResult.reply(state, state.handled());
		}
		if ("node".equals(message)) {
			return AgentResult.reply(state, context.node());
		}
		Count next = new Count(state.handled() + 1);
		if (message instanceof Note note) {
			context.publish(note);
			return AgentResult.reply(next, new Noted(note.text(), next.handled(), context.node()));
		}
		return AgentResult.reply(next, next.handled());
	}

}
