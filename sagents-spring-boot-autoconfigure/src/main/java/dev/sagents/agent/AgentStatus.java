package dev.sagents.agent;

/** What an agent is doing. */
public enum AgentStatus {

	/** Started, waiting for messages. */
	IDLE("idle"),

	/** Handling a message. */
	RUNNING("running"),

	/** Its last message failed; it was restarted and waits for the next one. */
	ERROR("error"),

	/** Stopping (persisting its state). */
	STOPPING("stopping"),

	/** Not running. */
	STOPPED("stopped");

	private final String value;

	AgentStatus(String value) {
		this.value = value;
	}

	/** The lower-case name used in JSON and events. */
	public String value() {
		return this.value;
	}

}
