package dev.sagents.horde;

import java.time.Duration;

import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentStatus;
import dev.sagents.process.ProcessKey;

/** An agent hosted on another member. Its status is asked of that member. */
final class HordeAgentRef extends HordeProcessRef implements AgentRef {

	HordeAgentRef(ProcessCalls calls, ProcessKey key, String host, String hostNode, Duration callTimeout) {
		super(calls, key, host, hostNode, callTimeout);
	}

	@Override
	public AgentStatus status() {
		return calls().status(this);
	}

}
