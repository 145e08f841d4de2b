package dev.sagents.codec.notes;

import java.util.List;
import java.util.Map;

/**
 * Notes wrapped in a record, so their element type travels with the field types.
 *
 * @param owner who owns the notebook
 * @param notes its notes
 * @param pinned notes pinned under a name
 */
public record Notebook(String owner, List<Note> notes, Map<String, Note> pinned) {
}
