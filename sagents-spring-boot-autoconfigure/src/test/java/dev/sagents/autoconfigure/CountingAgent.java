package dev.sagents.autoconfigure;

import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentResult;

/** A test agent that counts its messages and replies with its name and the count. */
class CountingAgent implements AgentBehavior<Integer> {

	private final String name;

	CountingAgent(String name) {
		this.name = name;
	}

	@Override
	public Class<Integer> stateType() {
		return Integer.class;
	}

	@Override
	public Integer initialState(AgentContext context) {
		return 0;
	}

	@Override
	public AgentResult<Integer> handle(Integer state, Object message, AgentContext context) {
		int handled = state + 1;
		return AgentResult.reply(handled, this.name + ":" + handled);
	}

}
