package dev.sagents.horde;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.process.ProcessKey;

/**
 * What every part of a node shares, built once when the node joins the horde: the parts get this
 * instead of the node.
 *
 * @param settings how this node takes part
 * @param runtime the sagents executor and timer
 * @param blocking runs the work that waits on Hazelcast (requests from other members, restarts,
 * forwarding), never on the handler executor
 * @param membership the members and their status
 * @param transport the messages between members
 * @param replies the typed errors of replies that did not go well
 * @param state where this node is in its life
 * @param joined whether this node's member is in the cluster (it still is while it hands its
 * processes off and leaves)
 */
record NodeContext(HordeSettings settings, LocalProcessRuntime runtime, Executor blocking, HordeMembership membership,
		HordeTransport transport, Replies replies, NodeState state, BooleanSupplier joined) {

	/** This member's UUID, read each time: Hazelcast gives a member a new one when it merges back. */
	String localMember() {
		return this.membership.localMember();
	}

	String nodeName() {
		return this.settings.nodeName();
	}

	/**
	 * Sends supervisor request {@code operation} about {@code key} to {@code member} and waits for
	 * its reply, which wakes this thread directly; an outcome other than {@code OK} is thrown as its
	 * typed error ({@link Replies#awaitReply}).
	 */
	Reply request(String member, RequestOperation operation, byte[] payload, Duration timeout, ProcessKey key) {
		return this.replies.awaitReply(
				this.transport.request(member, operation, payload, timeout, AwaitedReplies.CALLER_WAITS), key);
	}

	/** How long a request between members may take. */
	Duration requestTimeout() {
		return this.settings.requestTimeout();
	}

}
