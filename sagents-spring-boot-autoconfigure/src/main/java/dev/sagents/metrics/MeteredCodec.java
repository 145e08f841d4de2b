package dev.sagents.metrics;

import dev.sagents.codec.EncodedValue;
import dev.sagents.codec.MessageCodec;

/** A codec that {@link SagentsMetrics#encoded reports} the size of what it encodes. */
public final class MeteredCodec implements MessageCodec {

	private final MessageCodec codec;

	private final SagentsMetrics metrics;

	private MeteredCodec(MessageCodec codec, SagentsMetrics metrics) {
		this.codec = codec;
		this.metrics = metrics;
	}

	/** {@code codec}, reporting to {@code metrics}; {@code codec} itself for {@link SagentsMetrics#NONE}. */
	public static MessageCodec of(MessageCodec codec, SagentsMetrics metrics) {
		return (metrics == SagentsMetrics.NONE || codec == null) ? codec : new MeteredCodec(codec, metrics);
	}

	@Override
	public EncodedValue encode(Object value) {
		EncodedValue encoded = this.codec.encode(value);
		this.metrics.encoded(encoded.data().length);
		return encoded;
	}

	@Override
	public Object decode(EncodedValue value) {
		return this.codec.decode(value);
	}

	@Override
	public <T> T decode(byte[] data, Class<T> type) {
		return this.codec.decode(data, type);
	}

	@Override
	public void check(Object value) {
		this.codec.check(value);
	}

	@Override
	public void checkReplyType(Class<?> type) {
		this.codec.checkReplyType(type);
	}

}
