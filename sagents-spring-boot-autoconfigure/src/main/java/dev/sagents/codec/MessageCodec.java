package dev.sagents.codec;

/**
 * Turns the application's messages, replies, event payloads and states into bytes and back, for
 * horde mode. Decoding resolves type names only among trusted types and never instantiates any
 * other class: a value from the network cannot make a node load an arbitrary class.
 */
public interface MessageCodec {

	/** Encodes {@code value} (which may be {@code null}). */
	EncodedValue encode(Object value);

	/**
	 * Decodes a value encoded by {@link #encode}; {@link UntrustedTypeException} if its type is not
	 * trusted.
	 */
	Object decode(EncodedValue value);

	/** Decodes {@code data} as {@code type}, which the caller names (so it is trusted). */
	<T> T decode(byte[] data, Class<T> type);

}
