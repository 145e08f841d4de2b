package dev.sagents.agent;

import dev.sagents.process.ProcessRef;

/** The address of a running agent; see {@link ProcessRef} for the messaging contract. */
public interface AgentRef extends ProcessRef {

	/** The agent's id. */
	default String id() {
		return key().id();
	}

	/** What the agent is doing now ({@link AgentStatus#STOPPED} once it ended). */
	AgentStatus status();

}
