package dev.sagents.agent;

import dev.sagents.process.ProcessError;

/**
 * One running agent as an operator inspects it, read on the node that hosts it.
 *
 * @param id the agent's id
 * @param node the node that hosts it
 * @param status its status
 * @param mailboxDepth how many messages wait in its mailbox
 * @param moves how many times it changed host (handed off by a draining node, restarted by a
 * survivor after its node failed); always {@code 0} in local mode
 * @param lastError the last crash it was restarted from, or {@code null}
 */
public record AgentDetails(String id, String node, AgentStatus status, int mailboxDepth, int moves,
		ProcessError lastError) {
}
