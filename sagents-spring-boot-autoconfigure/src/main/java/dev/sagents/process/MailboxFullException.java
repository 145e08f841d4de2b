package dev.sagents.process;

/**
 * The mailbox of the addressed process holds as many messages as it may
 * ({@code sagents.agents.mailbox-capacity}): the call or cast was refused, not queued. The process
 * runs on and takes messages again as it handles the queued ones, so the sender may retry later.
 * It has no stack trace: a node under overload refuses many messages, and building one per refusal
 * would only add to the load; its message names the process and the capacity.
 */
public class MailboxFullException extends SagentsException {

	private final ProcessKey key;

	private final int capacity;

	public MailboxFullException(ProcessKey key, int capacity) {
		super("The mailbox of '" + key + "' is full (" + capacity + " messages queued); try again later", false);
		this.key = key;
		this.capacity = capacity;
	}

	public ProcessKey key() {
		return this.key;
	}

	/** How many messages the mailbox may hold. */
	public int capacity() {
		return this.capacity;
	}

}
