package dev.sagents.autoconfigure.actuate;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentResult;
import dev.sagents.testsupport.TestAgent;

/**
 * A test agent whose mailbox a test can fill: "hold" blocks the agent until {@link #open()},
 * "fail" crashes it, anything else is answered with itself.
 */
class Gate extends TestAgent<String> {

	private final CountDownLatch opened = new CountDownLatch(1);

	void open() {
		this.opened.countDown();
	}

	Gate() {
		super(String.class, "");
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
