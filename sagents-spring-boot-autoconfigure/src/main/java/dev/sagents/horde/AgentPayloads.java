package dev.sagents.horde;

import dev.sagents.codec.MessageCodec;

/** Agent messages and replies are application values: they go through the codec, type name and all. */
final class AgentPayloads implements PayloadFormat {

	private final MessageCodec codec;

	AgentPayloads(MessageCodec codec) {
		this.codec = codec;
	}

	@Override
	public byte[] encodeMessage(Object message) {
		return new Wire.Writer().writeEncoded(this.codec.encode(message)).toBytes();
	}

	@Override
	public Object decodeMessage(byte[] data) {
		return this.codec.decode(new Wire.Reader(data).readEncoded());
	}

	@Override
	public byte[] encodeReply(Object message, Object reply) {
		return encodeMessage(reply);
	}

	@Override
	public void checkReplyType(Class<?> replyType) {
		this.codec.checkReplyType(replyType);
	}

	@Override
	public Object decodeReply(Object message, byte[] data) {
		return decodeMessage(data);
	}

}
