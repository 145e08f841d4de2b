package dev.sagents.horde;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.sagents.process.ProcessKey;

/**
 * Where the processes this node hands off go: while this node drains, every process it hosts; while
 * it runs, those it moves to another member ({@link Relocations}). Each is marked with this member
 * itself until its handoff is sent, then with the member it goes to. Calls that still come here
 * are sent there at once ({@code MOVED}), before the registry says so, and never wait for the
 * registry while it is being rewritten; one that comes while the handoff is on its way asks again
 * shortly.
 */
final class Destinations {

	private final NodeContext node;

	private final Map<ProcessKey, String> destinations = new ConcurrentHashMap<>();

	/** When this node last redirected a call to where it handed the process off ({@link System#nanoTime()}). */
	private volatile long lastRedirect;

	Destinations(NodeContext node) {
		this.node = node;
	}

	/** Marks {@code keys} as on their way to their next member, not sent yet. */
	void leaving(Collection<ProcessKey> keys) {
		String self = this.node.localMember();
		keys.forEach((key) -> this.destinations.put(key, self));
	}

	/** Whether {@code key} is on its way to its next member and not sent yet. */
	boolean isLeaving(ProcessKey key) {
		return this.node.localMember().equals(this.destinations.get(key));
	}

	/**
	 * Marks {@code key}, on its way, as sent to {@code owner}; {@code false} if it was not on its
	 * way any more (its handoff was called off).
	 */
	boolean sent(ProcessKey key, String owner) {
		return this.destinations.replace(key, this.node.localMember(), owner);
	}

	/** Forgets where {@code key} goes. */
	void remove(ProcessKey key) {
		this.destinations.remove(key);
	}

	/** Forgets where {@code keys} went, if that is {@code owner}. */
	void forget(Collection<ProcessKey> keys, String owner) {
		keys.forEach((key) -> this.destinations.remove(key, owner));
	}

	/**
	 * Calls off the handoff of {@code key}, stopped here to be handed off and not sent yet: it stays
	 * stopped. Returns whether it did.
	 */
	boolean callOff(ProcessKey key) {
		return this.destinations.remove(key, this.node.localMember());
	}

	/** The other member this node handed {@code key} off to, if it is still a member. */
	String destinationOf(ProcessKey key) {
		String next = this.destinations.get(key);
		return (next != null && !next.equals(this.node.localMember()) && this.node.membership().isMember(next)) ? next
				: null;
	}

	/**
	 * {@code NOT_HERE}, or {@code MOVED} to the member this node handed the process to, or to this
	 * member itself while the handoff is on its way (ask again shortly).
	 */
	Reply notHere(ProcessKey key) {
		String next = this.destinations.get(key);
		if (next == null || !this.node.membership().isMember(next)) {
			return new Reply(Reply.Outcome.NOT_HERE, null);
		}
		this.lastRedirect = System.nanoTime();
		return new Reply(Reply.Outcome.MOVED,
				new Wire.Writer().writeString(next).writeString(this.node.membership().nodeName(next)).toBytes());
	}

	/** When this node last redirected a call ({@link System#nanoTime()}). */
	long lastRedirect() {
		return this.lastRedirect;
	}

	/** Forgets where processes went: this node left. */
	void clear() {
		this.destinations.clear();
	}

}
