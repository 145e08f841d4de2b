package dev.sagents.sample.web;

import dev.sagents.agent.AgentInfo;
import dev.sagents.agent.AgentRef;

/**
 * An agent as the API shows it.
 *
 * @param id the agent id
 * @param node the node that hosts it
 * @param status what it is doing ({@code idle}, {@code running}, …)
 */
public record AgentView(String id, String node, String status) {

	static AgentView of(AgentRef agent) {
		return new AgentView(agent.id(), agent.node(), agent.status().value());
	}

	static AgentView of(AgentInfo agent) {
		return new AgentView(agent.id(), agent.node(), agent.status().value());
	}

}
