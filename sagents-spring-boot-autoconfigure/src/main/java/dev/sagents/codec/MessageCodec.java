package dev.sagents.codec;

/**
 * Turns the application's messages, replies, event payloads and states into bytes and back, for
 * horde mode. Decoding resolves type names only among trusted types and never instantiates any
 * other class: a value from the network cannot make a node load an arbitrary class.
 *
 * <p>The checks ({@link #check}, {@link #checkReplyType}) let a process refuse in local mode, and
 * on the node that hosts it, what could not travel to another member, so that a call fails or
 * succeeds alike wherever the process runs. They must refuse what {@link #encode} refuses, with the
 * same {@link MessageEncodingException}, and cost little more than a lookup per class: they run on
 * every local call. A codec that does not override them checks nothing there; with
 * {@code sagents.codec.verify-local} every local value goes through {@link #encode} and
 * {@link #decode(EncodedValue)} instead.
 */
public interface MessageCodec {

	/**
	 * Encodes {@code value} (which may be {@code null}).
	 *
	 * @throws MessageEncodingException if the value cannot travel between members
	 */
	EncodedValue encode(Object value);

	/**
	 * Decodes a value encoded by {@link #encode}; {@link UntrustedTypeException} if its type is not
	 * trusted.
	 */
	Object decode(EncodedValue value);

	/** Decodes {@code data} as {@code type}, which the caller names (so it is trusted). */
	<T> T decode(byte[] data, Class<T> type);

	/**
	 * Refuses, without encoding it, a value (which may be {@code null}) that {@link #encode} would
	 * refuse. The default refuses nothing.
	 *
	 * @throws MessageEncodingException as {@link #encode} would
	 */
	default void check(Object value) {
	}

	/**
	 * Refuses a reply type that no decoded reply could have (such as a class that is not trusted),
	 * before the call is made. The default refuses nothing.
	 *
	 * @throws MessageEncodingException naming the type and what to ask for instead
	 */
	default void checkReplyType(Class<?> type) {
	}

}
