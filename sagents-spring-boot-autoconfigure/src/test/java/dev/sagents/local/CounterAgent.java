package dev.sagents.local;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentResult;

/** A test agent: its state counts handled messages; a few messages exercise failures and stops. */
class CounterAgent implements AgentBehavior<CounterAgent.Count> {

	record Count(long handled) {
	}

	/** Blocks the handler until the latch opens. */
	record Block(CountDownLatch release) {
	}

	static final String FAIL = "fail";

	static final String STOP = "stop";

	static final String GET = "get";

	@Override
	public Class<Count> stateType() {
		return Count.class;
	}

	@Override
	public Count initialState(AgentContext context) {
		return new Count(0);
	}

	@Override
	public AgentResult<Count> handle(Count state, Object message, AgentContext context) throws Exception {
		if (FAIL.equals(message)) {
			throw new IllegalStateException("asked to fail");
		}
		if (GET.equals(message)) {
			return AgentResult.reply(state, state.handled());
		}
		Count next = new Count(state.handled() + 1);
		if (message instanceof Block block) {
			block.release().await(30, TimeUnit.SECONDS);
		}
		if (STOP.equals(message)) {
			return AgentResult.stop(next, "bye");
		}
		return AgentResult.reply(next, next.handled());
	}

}
