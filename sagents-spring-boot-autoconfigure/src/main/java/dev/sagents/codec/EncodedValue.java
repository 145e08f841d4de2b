package dev.sagents.codec;

/**
 * A value as it travels between nodes: the name of its type and its bytes.
 *
 * @param type the type name the receiving codec resolves (only among trusted types): a class name,
 * or for a container or an array a name of its element types, such as
 * {@code java.util.List<com.example.Note>}
 * @param data the encoded value
 */
public record EncodedValue(String type, byte[] data) {
}
