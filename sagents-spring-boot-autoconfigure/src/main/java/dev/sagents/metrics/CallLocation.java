package dev.sagents.metrics;

/** Where the process a call or cast went to ran when it was made. */
public enum CallLocation {

	/** On the caller's node. */
	LOCAL("local"),

	/** On another member. */
	REMOTE("remote");

	private final String value;

	CallLocation(String value) {
		this.value = value;
	}

	/** The tag value. */
	public String value() {
		return this.value;
	}

}
