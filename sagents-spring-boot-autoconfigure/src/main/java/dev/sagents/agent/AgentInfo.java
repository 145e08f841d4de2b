package dev.sagents.agent;

/**
 * A running agent as listed by the supervisor.
 *
 * @param id the agent id
 * @param node the node that hosts it
 * @param status what it is doing
 * @param type its behaviour bean name
 * @param fileSystemScope its file-system scope, or {@code null}
 */
public record AgentInfo(String id, String node, AgentStatus status, String type, String fileSystemScope) {
}
