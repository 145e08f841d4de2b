package dev.sagents.codec.notes;

/**
 * A file attached to a note.
 *
 * @param name the file name
 * @param content its bytes
 */
public record Attachment(String name, byte[] content) {
}
