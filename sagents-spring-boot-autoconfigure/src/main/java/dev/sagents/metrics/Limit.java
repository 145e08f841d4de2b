package dev.sagents.metrics;

/** A limit a message can be refused for. */
public enum Limit {

	/** The process's mailbox was full. */
	MAILBOX("mailbox"),

	/** The encoded message or reply had more bytes than a message between members may have. */
	MESSAGE_SIZE("message-size");

	private final String value;

	Limit(String value) {
		this.value = value;
	}

	/** The tag value. */
	public String value() {
		return this.value;
	}

}
