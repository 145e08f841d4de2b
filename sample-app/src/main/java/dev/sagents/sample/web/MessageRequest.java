package dev.sagents.sample.web;

/**
 * The body of {@code POST /api/agents/{id}/messages}.
 *
 * @param text what to tell the agent; required, not blank
 */
public record MessageRequest(String text) {
}
