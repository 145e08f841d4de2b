package dev.sagents.codec;

import dev.sagents.process.SagentsException;

/**
 * A value of a trusted type could not be decoded: its bytes are not a valid encoding of the type,
 * or the type does not exist on this node. The message names the type, never the payload; the
 * cause, when there is one, is the codec's own exception and may quote a token of the payload.
 */
public class MessageDecodingException extends SagentsException {

	private final String type;

	private final String reason;

	/**
	 * Creates the exception for a value of {@code type}.
	 *
	 * @param type the name of the type that was being decoded
	 * @param reason why decoding failed, without any of the payload
	 * @param cause the codec's exception, or {@code null}
	 */
	public MessageDecodingException(String type, String reason, Throwable cause) {
		super("Could not decode a value of type '" + type + "': " + reason, cause);
		this.type = type;
		this.reason = reason;
	}

	/** The name of the type that was being decoded. */
	public String type() {
		return this.type;
	}

	/** Why decoding failed, without any of the payload. */
	public String reason() {
		return this.reason;
	}

}
