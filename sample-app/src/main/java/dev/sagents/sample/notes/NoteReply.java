package dev.sagents.sample.notes;

/**
 * A notes agent's answer.
 *
 * @param reply the text of the answer
 * @param node the node that hosts the agent
 * @param handled how many messages the agent has handled, this one included
 */
public record NoteReply(String reply, String node, long handled) {
}
