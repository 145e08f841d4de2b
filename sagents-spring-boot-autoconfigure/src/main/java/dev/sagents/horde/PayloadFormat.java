package dev.sagents.horde;

/**
 * How the messages and replies of one kind of process travel: agents carry application values
 * through the {@link dev.sagents.codec.MessageCodec}; file systems carry their fixed commands in
 * the {@link Wire} layout.
 */
interface PayloadFormat {

	byte[] encodeMessage(Object message);

	Object decodeMessage(byte[] data);

	/** Encodes the reply to {@code message}. */
	byte[] encodeReply(Object message, Object reply);

	/** Decodes the reply to {@code message}. */
	Object decodeReply(Object message, byte[] data);

	/**
	 * Refuses, before a call is made, a reply type no reply could be decoded as
	 * ({@link dev.sagents.codec.MessageEncodingException}); the default refuses none.
	 */
	default void checkReplyType(Class<?> replyType) {
	}

}
