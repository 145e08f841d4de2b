package dev.sagents.horde;

/** What a request from one member to another asks for; its code travels in the request. */
enum RequestOperation {

	/** Start a process this member owns: register it here unless it runs somewhere. */
	START(1),

	/** Stop a process wherever it runs. */
	STOP(2),

	/** Accept the handoff of processes a draining member stopped. */
	HANDOFF(3),

	/** List what this member hosts of one kind. */
	LIST(4),

	/** The status of an agent hosted here. */
	STATUS(5),

	/** Relay the events of an agent hosted here to the sender. */
	SUBSCRIBE(6),

	/** Stop relaying the events of an agent to the sender. */
	UNSUBSCRIBE(7),

	/** The sender made the first subscription it heard of: started agents read who subscribes. */
	SUBSCRIPTIONS_EXIST(8),

	/** Inspect an agent hosted here: its status, mailbox depth, moves and last error. */
	INSPECT(9);

	private final int code;

	RequestOperation(int code) {
		this.code = code;
	}

	int code() {
		return this.code;
	}

	static RequestOperation of(int code) {
		for (RequestOperation operation : values()) {
			if (operation.code == code) {
				return operation;
			}
		}
		throw new IllegalArgumentException("Unknown sagents request " + code);
	}

}
