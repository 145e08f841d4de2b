package dev.sagents.horde;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.hazelcast.core.DistributedObjectEvent;
import com.hazelcast.core.DistributedObjectListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import com.hazelcast.topic.MessageListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.observation.TraceHeaders;
import dev.sagents.process.ProcessKey;

/**
 * Messages between members, over Hazelcast topics: each member listens to its own inbox topic
 * ({@code sagents.inbox.<member uuid>}) and publishes to the inbox of the member it addresses, so a
 * message takes one hop and reaches only that member. Hazelcast delivers the messages one member
 * publishes to a topic in publishing order, which gives per-sender order to the processes.
 *
 * <p>The inbox listener runs on a Hazelcast event thread: it only decodes the envelope and hands
 * work on (into a mailbox, or to the sagents executor); replies complete on the sagents executor,
 * or on the thread of a caller waiting for them ({@link dev.sagents.local.CallContinuations}), or,
 * for a request its caller blocks on and chains nothing onto, on the event thread, which only wakes
 * that caller ({@link AwaitedReplies#CALLER_WAITS}); so no application code ever runs on a
 * Hazelcast thread.
 *
 * <p>Destroying a topic is cluster-wide: it drops every member's listener and leaves every
 * member's proxy of it unusable. A member that merges back after a split brain may destroy the
 * inbox of a member it saw leave, which in fact stayed on the other side; so the addressee listens
 * again when its inbox is destroyed, and a sender whose proxy was destroyed takes a fresh one.
 */
final class HordeTransport implements MessageListener<byte[]>, DistributedObjectListener {

	private static final Logger logger = LoggerFactory.getLogger(HordeTransport.class);

	private static final int CALL = 1;

	private static final int CAST = 2;

	private static final int REPLY = 3;

	private static final int REQUEST = 4;

	private static final int EVENT = 5;

	private static final int CALL_AHEAD = 6;

	private static final int CAST_AHEAD = 7;

	private static final int RESTARTED = 8;


	private final HazelcastInstance hazelcast;

	private final Executor executor;

	private final Executor requests;

	private final Supplier<TraceHeaders> outgoing;

	/** What this member does with the messages addressed to it; given when it starts listening. */
	private volatile Inbound inbound;

	private final ConcurrentHashMap<String, ITopic<byte[]>> inboxes = new ConcurrentHashMap<>();

	private final AwaitedReplies awaited;

	private UUID listenerRegistration;

	private UUID destructionsRegistration;

	/** The member UUID whose inbox this member listens to. */
	private String listeningAs;

	/**
	 * @param executor completes replies (never a Hazelcast thread)
	 * @param requests serves requests from other members, which may wait on Hazelcast
	 * @param inCluster whether a member (by UUID) is in the cluster now; a call or request to one
	 * that is not fails as not sent (see {@link #memberLeft})
	 * @param outgoing the trace context that a call or cast sent from the calling thread carries
	 * ({@link dev.sagents.observation.SagentsObservations#outgoing}), {@code null} for none
	 */
	HordeTransport(HazelcastInstance hazelcast, Executor executor, Executor requests, ScheduledExecutorService timer,
			Predicate<String> inCluster, Supplier<TraceHeaders> outgoing) {
		this.hazelcast = hazelcast;
		this.outgoing = outgoing;
		this.executor = executor;
		this.requests = requests;
		this.awaited = new AwaitedReplies(timer, inCluster);
	}

	/**
	 * Starts listening to this member's inbox, handing what arrives to {@code inbound}; returns
	 * once every member knows the listener.
	 */
	synchronized void start(Inbound inbound) {
		this.inbound = inbound;
		if (this.destructionsRegistration == null) {
			this.destructionsRegistration = this.hazelcast.addDistributedObjectListener(this);
		}
		listen();
	}

	private void listen() {
		this.listeningAs = localMember();
		this.listenerRegistration = onInbox(this.listeningAs, (inbox) -> inbox.addMessageListener(this));
	}

	/**
	 * Listens to the inbox of this member's current UUID, after a merge gave it a new one; returns
	 * the UUID it listened as before.
	 */
	synchronized String relisten() {
		String previous = this.listeningAs;
		if (!localMember().equals(previous)) {
			if (this.listenerRegistration != null) {
				removeListener(previous);
			}
			listen();
		}
		return previous;
	}

	@Override
	public void distributedObjectCreated(DistributedObjectEvent event) {
	}

	@Override
	public void distributedObjectDestroyed(DistributedObjectEvent event) {
		String name = String.valueOf(event.getObjectName());
		if (name.startsWith(HordeStructures.INBOX_PREFIX)) {
			String member = name.substring(HordeStructures.INBOX_PREFIX.length());
			// Listening waits for every member to know the listener: not on this event thread.
			this.requests.execute(() -> listenAgain(member));
		}
	}

	/** Listens again after another member destroyed this member's inbox, if {@code member} is this one. */
	private synchronized void listenAgain(String member) {
		if (this.listenerRegistration == null || !member.equals(this.listeningAs)
				|| !this.hazelcast.getLifecycleService().isRunning()) {
			return;
		}
		logger.warn("Another member destroyed the inbox of this member {} (it saw this one leave during a split "
				+ "brain that has healed); listening again, messages sent here meanwhile were lost", member);
		this.inboxes.remove(member);
		listen();
	}

	/** Stops listening to the inbox of {@code member}, unless another member destroyed it (and the listener) already. */
	private void removeListener(String member) {
		try {
			inbox(member).removeMessageListener(this.listenerRegistration);
		}
		catch (HazelcastInstanceNotActiveException ex) {
			this.inboxes.remove(member);
		}
	}

	private String localMember() {
		return this.hazelcast.getCluster().getLocalMember().getUuid().toString();
	}

	/**
	 * Stops listening, if the member still runs (a member that shut down took its listener along),
	 * and fails the calls still waiting here.
	 */
	synchronized void stop() {
		if (this.hazelcast.getLifecycleService().isRunning()) {
			if (this.destructionsRegistration != null) {
				this.hazelcast.removeDistributedObjectListener(this.destructionsRegistration);
			}
			if (this.listenerRegistration != null) {
				removeListener(this.listeningAs);
			}
		}
		this.destructionsRegistration = null;
		this.listenerRegistration = null;
		this.awaited.stopped(this.listeningAs);
	}

	/**
	 * Sends a message to process {@code key} on {@code member} and completes with its reply, on
	 * {@code completions}; {@code handingOff} is the draining member that hands the process off
	 * to {@code member}, when the message goes there ahead of the handoff (else {@code null}).
	 */
	CompletableFuture<Reply> call(String member, ProcessKey key, byte[] payload, Duration timeout, String handingOff,
			Executor completions) {
		AwaitedReplies.Awaited reply = this.awaited.expect(member, timeout, completions);
		if (!reply.send()) {
			return reply.reply();
		}
		Wire.Writer message = new Wire.Writer().writeByte((handingOff != null) ? CALL_AHEAD : CALL)
			.writeLong(reply.correlation())
			.writeString(key.toString());
		if (handingOff != null) {
			message.writeString(handingOff);
		}
		publish(member, message.writeTraceHeaders(this.outgoing.get()).writeBytes(payload).toBytes());
		return reply.reply();
	}

	/**
	 * Sends a message to process {@code key} on {@code member}, expecting no reply;
	 * {@code handingOff} as for {@link #call}.
	 */
	void cast(String member, ProcessKey key, byte[] payload, String handingOff) {
		cast(member, key, payload, handingOff, this.outgoing.get());
	}

	/**
	 * Sends a cast to process {@code key} on {@code member} in the trace of {@code headers}
	 * ({@code null}: none), whatever is observed on the calling thread: one passed on, from where
	 * it was sent, to where the process runs now. {@code handingOff} as for {@link #call}.
	 */
	void cast(String member, ProcessKey key, byte[] payload, String handingOff, TraceHeaders headers) {
		Wire.Writer message = new Wire.Writer().writeByte((handingOff != null) ? CAST_AHEAD : CAST)
			.writeString(key.toString());
		if (handingOff != null) {
			message.writeString(handingOff);
		}
		publish(member, message.writeTraceHeaders(headers).writeBytes(payload).toBytes());
	}

	/** The trace context that a call or cast sent from the calling thread now carries, or {@code null}. */
	TraceHeaders outgoing() {
		return this.outgoing.get();
	}

	/**
	 * Sends supervisor request {@code operation} to {@code member} and completes with its reply, on
	 * the sagents executor.
	 */
	CompletableFuture<Reply> request(String member, RequestOperation operation, byte[] payload, Duration timeout) {
		return request(member, operation, payload, timeout, this.executor);
	}

	/**
	 * Sends supervisor request {@code operation} to {@code member} and completes with its reply, on
	 * {@code completions}: {@link AwaitedReplies#CALLER_WAITS} when the caller blocks for the reply and chains
	 * nothing onto it.
	 */
	CompletableFuture<Reply> request(String member, RequestOperation operation, byte[] payload, Duration timeout,
			Executor completions) {
		AwaitedReplies.Awaited reply = this.awaited.expect(member, timeout, completions);
		if (reply.send()) {
			publish(member, new Wire.Writer().writeByte(REQUEST)
				.writeLong(reply.correlation())
				.writeByte(operation.code())
				.writeBytes(payload)
				.toBytes());
		}
		return reply.reply();
	}

	/** Answers call or request {@code correlation} of {@code member}. */
	void reply(String member, long correlation, Reply reply) {
		publish(member, new Wire.Writer().writeByte(REPLY)
			.writeLong(correlation)
			.writeByte(reply.outcome().ordinal())
			.writeBytes(reply.data())
			.toBytes());
	}

	/** Sends an event of agent {@code agentId} to a member with subscribers. */
	void event(String member, String agentId, byte[] event) {
		publish(member, new Wire.Writer().writeByte(EVENT).writeString(agentId).writeBytes(event).toBytes());
	}

	/** Tells {@code member} that this member restarted the processes under {@code keys}, whose member failed. */
	void restarted(String member, List<ProcessKey> keys) {
		publish(member, new Wire.Writer().writeByte(RESTARTED).writeKeys(keys).toBytes());
	}

	/**
	 * Fails every call and request waiting on {@code member}, which left the cluster;
	 * {@code graceful} when it announced its departure (then it answered everything it handled).
	 */
	void memberLeft(String member, boolean graceful) {
		this.awaited.memberLeft(member, graceful);
	}

	@Override
	public void onMessage(Message<byte[]> message) {
		String sender = message.getPublishingMember().getUuid().toString();
		try {
			Wire.Reader in = new Wire.Reader(message.getMessageObject());
			switch (in.readByte()) {
				case CALL -> this.inbound.onCall(sender, in.readLong(), ProcessKey.parse(in.readString()), null,
						in.readTraceHeaders(), in.readBytes());
				case CALL_AHEAD -> this.inbound.onCall(sender, in.readLong(), ProcessKey.parse(in.readString()),
						in.readString(), in.readTraceHeaders(), in.readBytes());
				case CAST -> this.inbound.onCast(sender, ProcessKey.parse(in.readString()), null, in.readTraceHeaders(),
						in.readBytes());
				case CAST_AHEAD -> this.inbound.onCast(sender, ProcessKey.parse(in.readString()), in.readString(),
						in.readTraceHeaders(), in.readBytes());
				case REPLY -> this.awaited.complete(in.readLong(), new Reply(Reply.Outcome.of(in.readByte()), in.readBytes()));
				case REQUEST -> {
					long correlation = in.readLong();
					int operation = in.readByte();
					byte[] payload = in.readBytes();
					// Requests may block (registry writes, process starts): never on this thread.
					this.requests.execute(() -> this.inbound.onRequest(sender, correlation, operation, payload));
				}
				case EVENT -> this.inbound.onEvent(in.readString(), in.readBytes());
				case RESTARTED -> this.inbound.onRestarted(sender, in.readKeys());
				default -> logger.warn("Dropping a sagents message of unknown kind from member {}", sender);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Dropping a sagents message from member {} that could not be handled", sender, ex);
		}
	}

	private void publish(String member, byte[] message) {
		onInbox(member, (inbox) -> {
			inbox.publish(message);
			return null;
		});
	}

	/**
	 * Applies {@code action} to the inbox of {@code member}, and once more to a fresh proxy if
	 * another member destroyed that topic, which leaves the cached proxy unusable.
	 */
	private <T> T onInbox(String member, Function<ITopic<byte[]>, T> action) {
		ITopic<byte[]> inbox = inbox(member);
		try {
			return action.apply(inbox);
		}
		catch (HazelcastInstanceNotActiveException ex) {
			if (!this.hazelcast.getLifecycleService().isRunning()) {
				throw ex;
			}
			this.inboxes.remove(member, inbox);
			return action.apply(inbox(member));
		}
	}

	private ITopic<byte[]> inbox(String member) {
		return this.inboxes.computeIfAbsent(member, (uuid) -> this.hazelcast.getTopic(HordeStructures.INBOX_PREFIX + uuid));
	}

	/** Destroys the inbox of a member that left, so topics do not pile up over time. */
	void forget(String member) {
		ITopic<byte[]> inbox = this.inboxes.remove(member);
		if (inbox != null && !member.equals(this.listeningAs) && this.hazelcast.getLifecycleService().isRunning()) {
			try {
				inbox.destroy();
			}
			catch (HazelcastInstanceNotActiveException ex) {
				// Another member destroyed it first.
			}
		}
	}

	/** What a member does with messages addressed to it. */
	interface Inbound {

		/**
		 * A call to a process hosted here, or, when {@code handingOff} is not {@code null}, to one
		 * that draining member is handing off to this one; answer it with
		 * {@link HordeTransport#reply}. The sender keeps the call's timeout; {@code headers} is the
		 * trace context it sent, or {@code null}.
		 */
		void onCall(String sender, long correlation, ProcessKey key, String handingOff, TraceHeaders headers,
				byte[] payload);

		/** A cast to a process hosted here, or handed off to this member by {@code handingOff}. */
		void onCast(String sender, ProcessKey key, String handingOff, TraceHeaders headers, byte[] payload);

		/** A supervisor request; answer it with {@link HordeTransport#reply}. Runs on the sagents executor. */
		void onRequest(String sender, long correlation, int operation, byte[] payload);

		/** An event of agent {@code agentId} for this member's subscribers. */
		void onEvent(String agentId, byte[] event);

		/**
		 * Member {@code sender} restarted the processes under {@code keys}, whose member failed.
		 * Runs on the Hazelcast thread that delivers {@code sender}'s messages: hand work on.
		 */
		void onRestarted(String sender, List<ProcessKey> keys);

	}

}
