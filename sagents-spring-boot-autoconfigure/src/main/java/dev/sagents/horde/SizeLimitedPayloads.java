package dev.sagents.horde;

import dev.sagents.metrics.Limit;
import dev.sagents.metrics.SagentsMetrics;
import dev.sagents.process.MessageTooLargeException;
import dev.sagents.process.ProcessKind;

/**
 * Refuses, with {@link MessageTooLargeException}, a message or reply whose encoded form has more
 * bytes than a message between members may: when the sender encodes it, so it is never sent, and
 * when the receiver decodes it, should one arrive all the same (from a member with a higher limit).
 * Each refusal is counted.
 */
final class SizeLimitedPayloads implements PayloadFormat {

	private final PayloadFormat payloads;

	private final ProcessKind kind;

	private final long maxBytes;

	private final SagentsMetrics metrics;

	SizeLimitedPayloads(PayloadFormat payloads, ProcessKind kind, long maxBytes, SagentsMetrics metrics) {
		this.payloads = payloads;
		this.kind = kind;
		this.maxBytes = maxBytes;
		this.metrics = metrics;
	}

	@Override
	public byte[] encodeMessage(Object message) {
		return checked(this.payloads.encodeMessage(message));
	}

	@Override
	public Object decodeMessage(byte[] data) {
		return this.payloads.decodeMessage(checked(data));
	}

	@Override
	public byte[] encodeReply(Object message, Object reply) {
		return checked(this.payloads.encodeReply(message, reply));
	}

	@Override
	public Object decodeReply(Object message, byte[] data) {
		return this.payloads.decodeReply(message, checked(data));
	}

	@Override
	public void checkReplyType(Class<?> replyType) {
		this.payloads.checkReplyType(replyType);
	}

	private byte[] checked(byte[] data) {
		if (data.length > this.maxBytes) {
			this.metrics.refused(Limit.MESSAGE_SIZE, this.kind);
			throw new MessageTooLargeException(data.length, this.maxBytes);
		}
		return data;
	}

}
