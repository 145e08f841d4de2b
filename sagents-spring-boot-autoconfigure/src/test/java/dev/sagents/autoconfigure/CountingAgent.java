package dev.sagents.autoconfigure;

import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentResult;
import dev.sagents.testsupport.TestAgent;

/** A test agent that counts its messages and replies with its name and the count. */
class CountingAgent extends TestAgent<Integer> {

	private final String name;

	CountingAgent(String name) {
		super(Integer.class, 0);
		this.name = name;
	}

	@Override
	public AgentResult<Integer> handle(Integer state, Object message, AgentContext context) {
		int handled = state + 1;
		return AgentResult.reply(handled, this.name + ":" + handled);
	}

}
