package dev.sagents.codec.shapes;

/**
 * A generic record: its component's type is the record's own type variable, which JSON cannot
 * name at the top level.
 *
 * @param value what it holds
 * @param <T> the type of what it holds
 */
public record Box<T>(T value) {
}
