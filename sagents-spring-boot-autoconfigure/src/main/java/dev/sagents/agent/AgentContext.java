package dev.sagents.agent;

import dev.sagents.filesystem.FileSystemRef;

/** What a running agent knows about itself and can reach. */
public interface AgentContext {

	/** The agent's id. */
	String agentId();

	/** The spec the agent was started with. */
	AgentSpec spec();

	/** The node that hosts the agent now. */
	String node();

	/**
	 * The file system of the agent's scope, started if needed; {@link IllegalStateException} if the
	 * spec has no file-system scope.
	 */
	FileSystemRef fileSystem();

	/** Publishes an application event to the agent's subscribers, wherever they are. */
	void publish(Object payload);

}
