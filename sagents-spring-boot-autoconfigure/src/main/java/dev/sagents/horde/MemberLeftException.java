package dev.sagents.horde;

/**
 * The member a call was waiting on left the cluster (or this member stopped listening), or had
 * left before the call was sent, which then was not.
 */
final class MemberLeftException extends Exception {

	private final String member;

	private final boolean graceful;

	MemberLeftException(String member, boolean graceful) {
		super("member " + member + " left", null, false, false);
		this.member = member;
		this.graceful = graceful;
	}

	String member() {
		return this.member;
	}

	/**
	 * Whether the member left gracefully: it handed its processes off and answered every
	 * message it handled, so one it did not answer was never handled and may be sent again. Also
	 * {@code true} for a message never sent, because its member had left already.
	 */
	boolean graceful() {
		return this.graceful;
	}

}
