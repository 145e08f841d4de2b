package dev.sagents.codec;

import dev.sagents.process.SagentsException;

/**
 * A value cannot travel between members: the codec could not encode it, or could not decode it
 * as an equal value of its type. Thrown to the sender, in local mode as in horde mode and
 * wherever the process runs, before the message is handled (for a reply, once the handler
 * returned it). The message names the type, why it cannot travel and what to do instead, never
 * the value.
 */
public class MessageEncodingException extends SagentsException {

	private final String type;

	private final String reason;

	/**
	 * Creates the exception for a value of {@code type}.
	 *
	 * @param type the name of the value's type (a class name, or the name the value would travel
	 * under)
	 * @param reason why it cannot travel and what to do instead, without any of the value
	 */
	public MessageEncodingException(String type, String reason) {
		this(type, reason, null);
	}

	/**
	 * Creates the exception for a value of {@code type} that the codec failed on.
	 *
	 * @param type the name of the value's type
	 * @param reason why it cannot travel, without any of the value
	 * @param cause the codec's exception, or {@code null}
	 */
	public MessageEncodingException(String type, String reason, Throwable cause) {
		super("Cannot send a value of type '" + type + "' between members: " + reason, cause);
		this.type = type;
		this.reason = reason;
	}

	/** The name of the value's type. */
	public String type() {
		return this.type;
	}

	/** Why the value cannot travel, and what to do instead. */
	public String reason() {
		return this.reason;
	}

}
