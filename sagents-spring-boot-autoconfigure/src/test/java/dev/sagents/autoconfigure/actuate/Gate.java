package dev.sagents.autoconfigure.actuate;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentResult;

/**
 * A test agent whose mailbox a test can fill: "hold" blocks the agent until {@link #open()},
 * "fail" crashes it, anything else is answered with itself.
 */
class Gate implements AgentBehavior<String> {

	private final CountDownLatch opened = new CountDownLatch(1);

	void open() {
		this.opened.countDown();
	}

	@Override
	public Class<String> stateType() {
		return String.class;
	}

	@Override
	public String initialState(AgentContext context) {
		return "";
	}

	@Override
	public AgentResult<String> handle(String state, Object message, AgentContext context) throws Exception {
		if ("fail".equals(message)) {
			throw new IllegalStateException("asked to fail");
		}
		if ("hold".equals(message) && !this.opened.await(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("never opened");
		}
		return AgentResult.reply(state, message);
	}

}
