package dev.sagents.codec.shapes;

import java.util.List;

/**
 * A record with a component declared as a list of {@code Object}, which JSON cannot name.
 *
 * @param items what it holds
 */
public record Loose(List<Object> items) {
}
