package dev.sagents.horde;

import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentStatus;
import dev.sagents.process.ProcessKey;

/** An agent hosted on another member. Its status is asked of that member. */
final class HordeAgentRef extends HordeProcessRef implements AgentRef {

	HordeAgentRef(HordeNode node, ProcessKey key, String host, String hostNode) {
		super(node, key, host, hostNode);
	}

	@Override
	public AgentStatus status() {
		return hordeNode().status(this);
	}

}
