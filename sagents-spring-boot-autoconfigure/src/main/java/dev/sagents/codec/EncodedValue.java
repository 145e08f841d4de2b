package dev.sagents.codec;

/**
 * A value as it travels between nodes: the name of its type and its bytes.
 *
 * @param type the type name the receiving codec resolves (only among trusted types)
 * @param data the encoded value
 */
public record EncodedValue(String type, byte[] data) {
}
