package dev.sagents.sample.web;

/**
 * The optional body of {@code PUT /api/agents/{id}}.
 *
 * @param filesystemScope the file system the agent keeps its notes in ({@code user:alice}), or {@code null}
 */
public record StartAgentRequest(String filesystemScope) {
}
