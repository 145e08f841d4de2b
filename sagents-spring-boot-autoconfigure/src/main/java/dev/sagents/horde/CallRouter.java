package dev.sagents.horde;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentStatus;
import dev.sagents.cluster.UniformDistribution;
import dev.sagents.codec.MessageEncodingException;
import dev.sagents.local.CallContinuations;
import dev.sagents.local.CallFuture;
import dev.sagents.process.CallTimeoutException;
import dev.sagents.process.MemberLostException;
import dev.sagents.process.ProcessFailedException;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessNotRunningException;
import dev.sagents.process.ProcessRef;

/**
 * Calls and casts through horde references, to wherever their process runs now. A process of
 * this node is called directly; any other gets the message, encoded, in its member's inbox. When
 * the answer is that the process is not there (any more), or its member left, the reference
 * follows it: to where the survivors announce they restarted it, to where a draining member handed
 * it off, or to where the registry says it runs, and the call tries again until its deadline.
 */
final class CallRouter implements ProcessCalls {

	private static final Logger logger = LoggerFactory.getLogger(CallRouter.class);

	/** The longest pause between two tries of a call whose process is moving. */
	private static final long MAX_RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	private final NodeContext node;

	private final Map<ProcessKind, PayloadFormat> payloads;

	private final ClusterRegistry registry;

	private final HostedProcesses hosted;

	private final RestartedProcesses restartedProcesses;

	private final CastForwarder forwarder;

	/**
	 * @param payloads how messages and replies of each kind travel
	 * @param forwarder delivers the casts whose process is not where the reference says
	 */
	CallRouter(NodeContext node, Map<ProcessKind, PayloadFormat> payloads, ClusterRegistry registry,
			HostedProcesses hosted, RestartedProcesses restartedProcesses, CastForwarder forwarder) {
		this.node = node;
		this.payloads = payloads;
		this.registry = registry;
		this.hosted = hosted;
		this.restartedProcesses = restartedProcesses;
		this.forwarder = forwarder;
	}

	@Override
	public CompletableFuture<Object> call(HordeProcessRef ref, Object message, Class<?> replyType, Duration timeout) {
		try {
			checkReplyType(ref, replyType);
		}
		catch (MessageEncodingException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		return call(ref, message, timeout, new CallContinuations(this.node.runtime().executor()));
	}

	@Override
	public Object callAndWait(HordeProcessRef ref, Object message, Class<?> replyType, Duration timeout) {
		checkReplyType(ref, replyType);
		Optional<ProcessRef> local = hostedHere(ref);
		if (local.isPresent()) {
			try {
				// The fast path: the handler may run on this very thread.
				return local.get().callAndWait(message, Object.class, timeout);
			}
			catch (ProcessNotRunningException ex) {
				// It ended or moved on between the lookup and the call: follow it.
			}
		}
		// This thread runs its call's continuations itself, from before the call goes out: a reply
		// wakes it directly, and a caller that is a thread of the executor needs no other one.
		CallContinuations continuations = new CallContinuations(this.node.runtime().executor());
		continuations.waitHere();
		return this.node.replies().awaitValue(call(ref, message, timeout, continuations), ref.key(), timeout);
	}

	/**
	 * Refuses before anything is sent what the process would refuse here: a reply type no reply
	 * could be decoded as. A message that cannot travel is refused by its encoding, or by the
	 * process itself when it runs here; a {@code null} one by the {@link HordeProcessRef}.
	 */
	private void checkReplyType(HordeProcessRef ref, Class<?> replyType) {
		this.payloads.get(ref.key().kind()).checkReplyType(replyType);
	}

	/** A call whose continuations run on a thread waiting for it, else on the sagents executor. */
	private CompletableFuture<Object> call(HordeProcessRef ref, Object message, Duration timeout,
			CallContinuations continuations) {
		CallFuture<Object> result = new CallFuture<>(continuations);
		attempt(new Call(ref, message, timeout, System.nanoTime() + timeout.toNanos(), continuations), 0)
			.whenComplete((value, error) -> {
				if (error != null) {
					result.completeExceptionally(error);
				}
				else {
					result.complete(value);
				}
			});
		return result;
	}

	/**
	 * One try of {@code call}: to the process here, or to the member that hosts it (ahead to its
	 * next owner while that member drains), or, if that member left, to where the survivors
	 * restarted it. An outcome that finds the process gone follows it and tries again.
	 */
	private CompletableFuture<Object> attempt(Call call, int tries) {
		HordeProcessRef ref = call.ref();
		long remaining = call.deadline() - System.nanoTime();
		if (remaining <= 0) {
			return CompletableFuture.failedFuture(new CallTimeoutException(ref.key(), call.timeout()));
		}
		Optional<ProcessRef> local = hostedHere(ref);
		if (local.isPresent()) {
			return callHere(call, local.get(), remaining, tries);
		}
		PayloadFormat format = this.payloads.get(ref.key().kind());
		byte[] payload;
		try {
			payload = format.encodeMessage(call.message());
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		// When its member left, the survivors restart it: go where they announce it, or follow the
		// registry. A draining member still answers: it serves the process, or tells where it
		// handed it off; but the first try goes ahead to where it hands it off.
		String current = ref.host();
		if (!this.node.membership().isMember(current)) {
			return afterMemberLeft(call, current, tries);
		}
		String next = (tries == 0) ? nextOwnerIfDraining(current, ref.key()) : null;
		if (next != null && next.equals(this.node.localMember())
				&& this.hosted.runningHere(ref.key()).isPresent()) {
			ref.movedTo(next, this.node.nodeName());
			return attempt(call, tries);
		}
		Sent sent = (next != null) ? new Sent(call, next, current, format, tries)
				: new Sent(call, current, null, format, tries);
		return send(sent, payload, remaining);
	}

	/** The process runs here: calls it directly, and follows it if it ended or moved on meanwhile. */
	private CompletableFuture<Object> callHere(Call call, ProcessRef local, long remaining, int tries) {
		String here = call.ref().host();
		return local.call(call.message(), Object.class, Duration.ofNanos(remaining)).exceptionallyCompose((error) -> {
			if (Replies.unwrap(error) instanceof ProcessNotRunningException) {
				return followAndRetry(call, here, tries);
			}
			return CompletableFuture.failedFuture(Replies.unwrap(error));
		});
	}

	/**
	 * The member of the process left: goes where the survivors announce they restarted it, else
	 * follows the registry.
	 */
	private CompletableFuture<Object> afterMemberLeft(Call call, String formerHost, int tries) {
		HordeProcessRef ref = call.ref();
		return this.restartedProcesses.whereRestarted(ref.key(), formerHost, call.deadline())
			.thenCompose((location) -> {
				if (location != null && this.node.membership().isMember(location.member())) {
					ref.movedTo(location.member(), location.node());
					return attempt(call, tries + 1);
				}
				return followAndRetry(call, formerHost, tries);
			});
	}

	/** Sends a try to its member: the reply, or the member's departure, decides what comes next. */
	private CompletableFuture<Object> send(Sent sent, byte[] payload, long remaining) {
		Call call = sent.call();
		return this.node.transport()
			.call(sent.host(), call.ref().key(), payload, Duration.ofNanos(remaining), sent.handingOff(),
					call.completions())
			.handle((reply, error) -> (error != null) ? notAnswered(sent, error) : answered(sent, reply))
			.thenCompose(Function.identity());
	}

	/**
	 * No reply: a member that left gracefully answered everything it handled, so the process is
	 * followed and the message sent again; anything else fails the call with its typed error.
	 */
	private CompletableFuture<Object> notAnswered(Sent sent, Throwable error) {
		HordeProcessRef ref = sent.call().ref();
		if (Replies.unwrap(error) instanceof MemberLeftException left && left.graceful()) {
			return followAndRetry(sent.call(), sent.host(), sent.tries());
		}
		return CompletableFuture
			.failedFuture(this.node.replies().translate(error, ref.key(), ref.node(), sent.call().timeout()));
	}

	private CompletableFuture<Object> answered(Sent sent, Reply reply) {
		ProcessKey key = sent.call().ref().key();
		return switch (reply.outcome()) {
			case OK -> handled(sent, reply);
			case NOT_HERE -> notHere(sent);
			case NOT_RUNNING -> CompletableFuture.failedFuture(new ProcessNotRunningException(key));
			case FAILED -> CompletableFuture
				.failedFuture(new ProcessFailedException(key, RemoteErrors.decode(reply.data())));
			case REFUSED -> CompletableFuture.failedFuture(RemoteErrors.decode(reply.data()));
			case TIMEOUT -> CompletableFuture.failedFuture(new CallTimeoutException(key, sent.call().timeout()));
			case MOVED -> moved(sent, reply);
		};
	}

	/** Handled: the decoded reply. A try sent ahead of a handoff found the process at its next host. */
	private CompletableFuture<Object> handled(Sent sent, Reply reply) {
		if (sent.handingOff() != null) {
			sent.call().ref().movedTo(sent.host(), this.node.membership().nodeName(sent.host()));
		}
		return CompletableFuture.completedFuture(sent.format().decodeReply(sent.call().message(), reply.data()));
	}

	/** The member does not host the process (any more), wherever it was announced: follow it. */
	private CompletableFuture<Object> notHere(Sent sent) {
		this.restartedProcesses.notOn(sent.call().ref().key(), sent.host());
		return followAndRetry(sent.call(), sent.host(), sent.tries());
	}

	/** The member, draining, handed the process off: try where it went. */
	private CompletableFuture<Object> moved(Sent sent, Reply reply) {
		Wire.Reader moved = new Wire.Reader(reply.data());
		sent.call().ref().movedTo(moved.readString(), moved.readString());
		// The handoff may still be on its way, or the new member not have started it yet: the
		// next redirection waits a little.
		int tries = sent.tries();
		CompletableFuture<Boolean> ready = (tries == 0) ? CompletableFuture.completedFuture(true)
				: afterPause(tries, sent.call().completions());
		return ready.thenCompose((ignored) -> attempt(sent.call(), tries + 1));
	}

	/**
	 * A call on its way, over however many tries it takes.
	 *
	 * @param ref the reference it was made through, which follows the process
	 * @param message the message
	 * @param timeout the caller's timeout
	 * @param deadline when it times out ({@link System#nanoTime()})
	 * @param completions where its continuations run: the caller's own thread while it waits, else
	 * the sagents executor ({@link CallContinuations})
	 */
	private record Call(HordeProcessRef ref, Object message, Duration timeout, long deadline, Executor completions) {
	}

	/**
	 * One try of a call, sent to a member.
	 *
	 * @param call the call
	 * @param host the member it was sent to
	 * @param handingOff the draining member that hands the process off to {@code host}, when the
	 * try went there ahead of the handoff; else {@code null}
	 * @param format how its message and reply travel
	 * @param tries how many tries came before it
	 */
	private record Sent(Call call, String host, String handingOff, PayloadFormat format, int tries) {
	}

	/**
	 * Where {@code key} runs next if its {@code host} drains (every member computes the same, the
	 * draining member included), else {@code null}; {@code null} too if no member can take it.
	 */
	private String nextOwnerIfDraining(String host, ProcessKey key) {
		HordeMembership membership = this.node.membership();
		return membership.isShuttingDown(host) ? UniformDistribution.owner(key, membership.hostIds()).orElse(null) : null;
	}

	private CompletableFuture<Object> followAndRetry(Call call, String host, int tries) {
		return follow(call.ref(), host, tries, call.completions())
			.thenCompose((moved) -> moved ? attempt(call, tries + 1)
					: CompletableFuture.failedFuture(new ProcessNotRunningException(call.ref().key())));
	}

	/**
	 * Looks the process up again after its member said it does not host it. Completes with
	 * {@code false} when it is not registered any more; else updates {@code ref} and completes with
	 * {@code true} after a short pause if it is still registered where it was (it is moving).
	 */
	private CompletableFuture<Boolean> follow(HordeProcessRef ref, String previousHost, int tries,
			Executor completions) {
		CompletableFuture<Boolean> followed = new CompletableFuture<>();
		// An asynchronous read: following never waits for a thread that failover keeps busy.
		this.registry.registrationAsync(ref.key()).whenCompleteAsync((json, error) -> {
			if (error != null) {
				followed.completeExceptionally(HordeMembership.explained(error));
				return;
			}
			if (json == null) {
				ref.ended();
				followed.complete(false);
				return;
			}
			Registration found = Registration.fromJson(ref.key(), json);
			ref.movedTo(found.host(), found.node());
			if (!found.host().equals(previousHost)) {
				followed.complete(true);
				return;
			}
			afterPause(tries, completions).thenAccept(followed::complete);
		}, completions);
		return followed;
	}

	/**
	 * Completes with {@code true}, on {@code completions}, after a pause that grows with
	 * {@code tries}, up to a bound.
	 */
	private CompletableFuture<Boolean> afterPause(int tries, Executor completions) {
		CompletableFuture<Boolean> paused = new CompletableFuture<>();
		long pause = Math.min(TimeUnit.MICROSECONDS.toNanos(250) << Math.min(tries, 10), MAX_RETRY_PAUSE_NANOS);
		this.node.runtime().timer()
			.schedule(() -> completions.execute(() -> paused.complete(true)), pause, TimeUnit.NANOSECONDS);
		return paused;
	}

	@Override
	public void cast(HordeProcessRef ref, Object message) {
		Optional<ProcessRef> local = hostedHere(ref);
		if (local.isPresent()) {
			local.get().cast(message);
			return;
		}
		// Encoded here, on every path, so that a message the codec refuses fails this cast.
		byte[] payload = this.payloads.get(ref.key().kind()).encodeMessage(message);
		String host = ref.host();
		String next = nextOwnerIfDraining(host, ref.key());
		if (next != null) {
			// Ahead of the handoff, to where it waits for the process (see ArrivingProcesses).
			this.node.transport().cast(next, ref.key(), payload, host);
		}
		else if (this.node.membership().isAlive(host) && !host.equals(this.node.localMember())) {
			this.node.transport().cast(host, ref.key(), payload, null);
		}
		else {
			// Its member is gone (or drains with nobody to hand it off to): go where the survivors
			// announce its restart, or follow the registry, which names the next host as soon as
			// there is one (a cast has no reply to tell us it was lost on the way).
			long deadline = this.forwarder.deadline();
			this.restartedProcesses.whereRestarted(ref.key(), host, deadline).thenAccept((location) -> {
				if (location != null && this.node.membership().isAlive(location.member())
						&& !location.member().equals(this.node.localMember())) {
					ref.movedTo(location.member(), location.node());
					this.node.transport().cast(location.member(), ref.key(), payload, null);
				}
				else {
					this.forwarder.forward(ref.key(), message, deadline);
				}
			}).exceptionally((error) -> {
				logger.warn("Dropping a cast to {}", ref.key(), error);
				return null;
			});
		}
	}

	@Override
	public AgentStatus status(HordeAgentRef ref) {
		Optional<ProcessRef> local = hostedHere(ref);
		if (local.isPresent()) {
			return ((AgentRef) local.get()).status();
		}
		try {
			Reply reply = this.node.replies()
				.awaitReply(this.node.transport().request(ref.host(), RequestOperation.STATUS,
						new Wire.Writer().writeString(ref.key().toString()).toBytes(), this.node.requestTimeout()),
						ref.key());
			String status = new Wire.Reader(reply.data()).readString();
			return (status != null) ? AgentStatus.valueOf(status) : AgentStatus.STOPPED;
		}
		catch (MemberLostException ex) {
			return AgentStatus.STOPPED;
		}
	}

	private Optional<ProcessRef> hostedHere(HordeProcessRef ref) {
		if (!ref.host().equals(this.node.localMember())) {
			return Optional.empty();
		}
		return this.hosted.runningHere(ref.key());
	}

}
