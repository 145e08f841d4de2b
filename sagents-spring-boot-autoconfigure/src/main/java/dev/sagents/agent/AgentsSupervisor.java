package dev.sagents.agent;

import java.util.List;
import java.util.Optional;

import dev.sagents.supervisor.StartResult;

/**
 * Starts, finds and stops agents. In local mode they run on this node; in horde mode on the member
 * that owns their id, from whichever node the call comes. Every argument is required: {@code null}
 * fails with {@link IllegalArgumentException} naming it.
 */
public interface AgentsSupervisor {

	/**
	 * Starts the agent, or returns the running one ({@link StartResult#alreadyStarted()}) — never two.
	 * Its state comes from {@link AgentPersistence} when stored there, else from the behaviour.
	 */
	StartResult<AgentRef> startAgent(AgentSpec spec);

	/** The running agent {@code id}, if any. */
	Optional<AgentRef> findAgent(String id);

	/**
	 * Stops the agent, persisting its state; returns {@code false} if it was not running. A stopped
	 * agent is not restarted until someone starts it again.
	 */
	boolean stopAgent(String id);

	/** Every running agent. */
	List<AgentInfo> listAgents();

	/** How many agents run. */
	int countAgents();

	/**
	 * Subscribes to the events of agent {@code id}. The subscription outlives restarts (and, in
	 * horde mode, moves to another node); it may be made before the agent starts.
	 */
	Subscription subscribe(String id, AgentEventListener listener);

}
