package dev.sagents.observation;

/** What a message to an agent is: a call, whose caller waits for a reply, or a cast. */
public enum Exchange {

	/** A call: observed until its reply, or its failure, reaches the caller. */
	CALL("sagents.call", "call"),

	/** A cast: observed until it was queued or sent; its handling is observed apart. */
	CAST("sagents.cast", "cast");

	private final String observationName;

	private final String value;

	Exchange(String observationName, String value) {
		this.observationName = observationName;
		this.value = value;
	}

	/** The name of the caller's observation. */
	public String observationName() {
		return this.observationName;
	}

	/** The tag value. */
	public String value() {
		return this.value;
	}

}
