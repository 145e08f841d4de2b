package dev.sagents.dashboard;

/**
 * Where a searched agent runs, as the registry says.
 *
 * @param id the agent id searched
 * @param found whether an agent of that id is registered
 * @param node the node that hosts it, {@code null} when not found
 * @param alive whether it was running the last time this node heard of it
 */
public record AgentLocation(String id, boolean found, String node, boolean alive) {
}
