package dev.sagents.codec.notes;

import java.time.Instant;
import java.util.List;

/**
 * A note, with the kinds of fields messages have.
 *
 * @param title the title
 * @param tags its tags
 * @param attachment an attached file, or {@code null}
 * @param priority how urgent it is
 * @param created when it was written
 */
public record Note(String title, List<String> tags, Attachment attachment, Priority priority, Instant created) {
}
