package dev.sagents.agent;

import java.util.Optional;

/**
 * Inspects one agent wherever it runs: its node, status, mailbox depth, moves and last error. In
 * horde mode the node that hosts the agent is asked, so it works from any node.
 */
@FunctionalInterface
public interface AgentInspection {

	/** The agent {@code id} if it runs now; empty for an agent that does not (or an invalid id). */
	Optional<AgentDetails> inspect(String id);

}
