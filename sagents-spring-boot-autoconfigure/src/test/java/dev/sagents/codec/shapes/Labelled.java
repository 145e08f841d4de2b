package dev.sagents.codec.shapes;

import java.util.List;
import java.util.Map;

import dev.sagents.codec.notes.Note;

/**
 * A record whose components name their types, generic ones included: what JSON carries.
 *
 * @param label its label
 * @param notes notes by tag
 * @param boxed a generic record whose type variable the declaration binds
 */
public record Labelled(String label, Map<String, List<Note>> notes, Box<Note> boxed) {
}
