package dev.sagents.codec;

import dev.sagents.process.Arguments;

/**
 * What the messages and replies of a process of this node go through, so that a call or cast
 * succeeds or fails alike wherever the process runs: by default the codec's checks
 * ({@link MessageCodec#check}, {@link MessageCodec#checkReplyType}), which refuse what could not
 * travel to another member; with {@code sagents.codec.verify-local} a round trip through the codec
 * itself, so that the process gets, and the caller receives, what a member would have decoded (as
 * Pekko's {@code serialize-messages} does). Without a codec (local mode without Jackson) values
 * pass as they are.
 */
public final class Transit {

	private static final Transit UNCHECKED = new Transit(null, false);

	private final MessageCodec codec;

	private final boolean roundTrip;

	private Transit(MessageCodec codec, boolean roundTrip) {
		this.codec = codec;
		this.roundTrip = roundTrip;
	}

	/** Values pass as they are; only a {@code null} message is refused. */
	public static Transit unchecked() {
		return UNCHECKED;
	}

	/**
	 * Values are checked by {@code codec}, or go through it when {@code roundTrip} is set.
	 *
	 * @param codec the codec of the application, which horde mode sends values with
	 * @param roundTrip whether every value is encoded and decoded ({@code sagents.codec.verify-local})
	 */
	public static Transit through(MessageCodec codec, boolean roundTrip) {
		return new Transit(Arguments.notNull(codec, "codec"), roundTrip);
	}

	/**
	 * The message the process gets for {@code message}: the same, or the decoded copy.
	 *
	 * @throws IllegalArgumentException if {@code message} is {@code null}
	 * @throws MessageEncodingException if it could not travel to another member
	 */
	public Object message(Object message) {
		return value(Arguments.notNull(message, "message"));
	}

	/**
	 * What the receiver gets for {@code value} (a reply or an event payload, which may be
	 * {@code null}): the same, or the decoded copy.
	 *
	 * @throws MessageEncodingException if it could not travel to another member
	 */
	public Object value(Object value) {
		if (this.codec == null || value == null) {
			return value;
		}
		if (this.roundTrip) {
			return this.codec.decode(this.codec.encode(value));
		}
		this.codec.check(value);
		return value;
	}

	/**
	 * Refuses, before the call is made, a reply type no reply from another member could have.
	 *
	 * @throws IllegalArgumentException if {@code replyType} is {@code null}
	 * @throws MessageEncodingException naming the type and what to ask for instead
	 */
	public void replyType(Class<?> replyType) {
		Arguments.notNull(replyType, "replyType");
		if (this.codec != null) {
			this.codec.checkReplyType(replyType);
		}
	}

}
