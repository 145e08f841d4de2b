package dev.sagents.process;

/**
 * The member hosting the process left the cluster while a call to it was in flight. The message
 * may or may not have been handled; the process itself is restarted on another member.
 */
public class MemberLostException extends SagentsException {

	private final ProcessKey key;

	private final String node;

	public MemberLostException(ProcessKey key, String node) {
		super("Member '" + node + "' hosting '" + key + "' left the cluster before replying");
		this.key = key;
		this.node = node;
	}

	public ProcessKey key() {
		return this.key;
	}

	/** The node that was lost. */
	public String node() {
		return this.node;
	}

}
