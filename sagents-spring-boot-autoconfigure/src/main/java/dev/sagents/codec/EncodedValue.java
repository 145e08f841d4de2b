package dev.sagents.codec;

/**
 * A value as it travels between nodes: the name of its type and its bytes.
 *
 * @param type the type name the receiving codec resolves (only among trusted types): a class name,
 * or for a container or an array a name of its element types, such as
 * {@code java.util.List<com.example.Note>}; for a Hazelcast Compact value
 * {@value #COMPACT_TYPE_PREFIX} and the type name of its serializer
 * @param data the encoded value
 */
public record EncodedValue(String type, byte[] data) {

	/**
	 * How the type of a Compact value begins ({@code dev.sagents.codec.compact}); a class name has
	 * no colon, so the type alone tells which codec decodes a value.
	 */
	public static final String COMPACT_TYPE_PREFIX = "compact:";

}
