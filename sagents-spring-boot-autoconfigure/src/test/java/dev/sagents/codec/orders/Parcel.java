package dev.sagents.codec.orders;

/**
 * A message that carries other Compact values.
 *
 * @param content one value, or {@code null}
 * @param contents more values, or {@code null}
 */
public record Parcel(Object content, Object[] contents) {
}
