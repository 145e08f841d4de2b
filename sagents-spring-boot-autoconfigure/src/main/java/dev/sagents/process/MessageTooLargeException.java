package dev.sagents.process;

/**
 * A message or reply to travel between members encoded to more bytes than they may
 * ({@code sagents.horde.max-message-size}): refused by the sender, or by the receiver if it arrived
 * all the same, instead of being sent or handled. Like {@link MailboxFullException}, it has no stack
 * trace (one per refused message would cost more than the refusal); its message says the sizes.
 */
public class MessageTooLargeException extends SagentsException {

	private final long size;

	private final long limit;

	public MessageTooLargeException(long size, long limit) {
		super("The message encoded to " + size + " bytes, more than the " + limit + " bytes a message may have", false);
		this.size = size;
		this.limit = limit;
	}

	/** The encoded size, in bytes. */
	public long size() {
		return this.size;
	}

	/** The most bytes a message may have. */
	public long limit() {
		return this.limit;
	}

}
