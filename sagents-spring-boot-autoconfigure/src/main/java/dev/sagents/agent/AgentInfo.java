package dev.sagents.agent;

/**
 * A running agent as listed by the supervisor.
 *
 * @param id the agent id
 * @param node the node that hosts it
 * @param status what it is doing
 * @param type its behaviour bean name: the spec's type, or the default type when the spec named none
 * ({@code null} only with an {@link AgentBehaviorResolver} that cannot name its default)
 * @param fileSystemScope its file-system scope, or {@code null}
 */
public record AgentInfo(String id, String node, AgentStatus status, String type, String fileSystemScope) {
}
