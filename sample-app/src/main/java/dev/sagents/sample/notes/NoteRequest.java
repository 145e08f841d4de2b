package dev.sagents.sample.notes;

/**
 * A message to a notes agent.
 *
 * @param text {@code remember <note>}, {@code notes}, or anything to echo
 */
public record NoteRequest(String text) {
}
