package dev.sagents.metrics;

import dev.sagents.process.ProcessKind;

/**
 * What this node holds now, read on demand (when metrics are scraped) from this node's own
 * state: no method asks another member.
 */
public interface HostedLoad {

	/** How many processes of {@code kind} this node hosts. */
	int hosted(ProcessKind kind);

	/** The deepest mailbox of the processes this node hosts, and the messages queued in all. */
	MailboxDepths mailboxDepths();

	/**
	 * How many registrations of {@code kind} this node holds: in local mode its processes; in horde
	 * mode the entries of the cluster registry whose primary copy is on this member, so that the
	 * sum over the members is the registry's size.
	 */
	long registrySize(ProcessKind kind);

	/**
	 * The mailbox depths of a node's processes.
	 *
	 * @param max the messages queued in the fullest mailbox
	 * @param sum the messages queued in all
	 */
	record MailboxDepths(int max, long sum) {
	}

}
