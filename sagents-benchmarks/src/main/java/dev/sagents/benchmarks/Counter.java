package dev.sagents.benchmarks;

import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentResult;

/**
 * The benchmarks' agent: counts the messages it handled. {@link #GET} answers the count,
 * {@link #WHERE} the node hosting it, {@link #INCREMENT} is counted and answers
 * {@code "<node> <count>"}, anything else is counted without an answer.
 */
final class Counter implements AgentBehavior<Long> {

	static final String GET = "get";

	static final String WHERE = "where";

	static final String TICK = "tick";

	static final String INCREMENT = "increment";

	@Override
	public Class<Long> stateType() {
		return Long.class;
	}

	@Override
	public Long initialState(AgentContext context) {
		return 0L;
	}

	@Override
	public AgentResult<Long> handle(Long state, Object message, AgentContext context) {
		// equals, not ==: in horde mode a message from another member is a decoded copy.
		if (GET.equals(message)) {
			return AgentResult.reply(state, state);
		}
		if (WHERE.equals(message)) {
			return AgentResult.reply(state, context.node());
		}
		if (INCREMENT.equals(message)) {
			return AgentResult.reply(state + 1, context.node() + " " + (state + 1));
		}
		return AgentResult.noReply(state + 1);
	}

}
