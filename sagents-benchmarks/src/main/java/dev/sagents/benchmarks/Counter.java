package dev.sagents.benchmarks;

import java.util.concurrent.atomic.LongAdder;

import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentResult;

/**
 * The benchmarks' agent: counts the messages it handled. {@link #GET} answers the count,
 * {@link #WHERE} the node hosting it, {@link #INCREMENT} is counted and answers
 * {@code "<node> <count>"}, {@link #WHERE_COUNT} answers the same without counting, {@link #WORK} is counted after {@link #WORK_NANOS} of busy work, anything
 * else is counted without an answer.
 */
final class Counter implements AgentBehavior<Long> {

	static final String GET = "get";

	static final String WHERE = "where";

	static final String TICK = "tick";

	static final String INCREMENT = "increment";

	static final String WHERE_COUNT = "where-count";

	static final String WORK = "work";

	/** How long the handler works on {@link #WORK}: a handler's cost that bounds the rate it takes messages at. */
	static final long WORK_NANOS = 10_000;

	/** How many {@link #WORK} messages the agents of this JVM handled, for the soak to see without asking them. */
	static final LongAdder WORKED = new LongAdder();

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
		if (WHERE_COUNT.equals(message)) {
			return AgentResult.reply(state, context.node() + " " + state);
		}
		if (INCREMENT.equals(message)) {
			return AgentResult.reply(state + 1, context.node() + " " + (state + 1));
		}
		if (WORK.equals(message)) {
			long start = System.nanoTime();
			while (System.nanoTime() - start < WORK_NANOS) {
				Thread.onSpinWait();
			}
			WORKED.increment();
		}
		return AgentResult.noReply(state + 1);
	}

}
