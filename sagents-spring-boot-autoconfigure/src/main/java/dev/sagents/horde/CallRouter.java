package dev.sagents.horde;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

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
 * follows it ({@link ProcessFollower}), or goes to where a draining member handed it off, and the
 * call tries again until its deadline.
 */
final class CallRouter implements ProcessCalls {

	private final NodeContext node;

	private final Map<ProcessKind, PayloadFormat> payloads;

	private final HostedProcesses hosted;

	private final ProcessFollower follower;

	/**
	 * @param payloads how messages and replies of each kind travel
	 * @param follower follows a process that is not where its reference says
	 */
	CallRouter(NodeContext node, Map<ProcessKind, PayloadFormat> payloads, HostedProcesses hosted,
			ProcessFollower follower) {
		this.node = node;
		this.payloads = payloads;
		this.hosted = hosted;
		this.follower = follower;
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

	/** The member of the process left: follows it, then tries again. */
	private CompletableFuture<Object> afterMemberLeft(Call call, String formerHost, int tries) {
		return retryIfMoved(call, tries,
				this.follower.afterMemberLeft(call.ref(), formerHost, tries, call.deadline(), call.completions()));
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
		Call call = sent.call();
		return retryIfMoved(call, sent.tries(),
				this.follower.notHere(call.ref(), sent.host(), sent.tries(), call.completions()));
	}

	/** The member, draining, handed the process off: try where it went. */
	private CompletableFuture<Object> moved(Sent sent, Reply reply) {
		Wire.Reader moved = new Wire.Reader(reply.data());
		sent.call().ref().movedTo(moved.readString(), moved.readString());
		// The handoff may still be on its way, or the new member not have started it yet: the
		// next redirection waits a little.
		int tries = sent.tries();
		CompletableFuture<Boolean> ready = (tries == 0) ? CompletableFuture.completedFuture(true)
				: this.follower.afterPause(tries, sent.call().completions());
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
		return retryIfMoved(call, tries, this.follower.follow(call.ref(), host, tries, call.completions()));
	}

	/** Tries {@code call} again once {@code followed} found its process, else fails it: it is not registered. */
	private CompletableFuture<Object> retryIfMoved(Call call, int tries, CompletableFuture<Boolean> followed) {
		return followed.thenCompose((moved) -> moved ? attempt(call, tries + 1)
				: CompletableFuture.failedFuture(new ProcessNotRunningException(call.ref().key())));
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
			this.follower.castAfterMemberLeft(ref, message, payload);
		}
	}

	@Override
	public AgentStatus status(HordeAgentRef ref) {
		Optional<ProcessRef> local = hostedHere(ref);
		if (local.isPresent()) {
			return ((AgentRef) local.get()).status();
		}
		try {
			Reply reply = this.node.request(ref.host(), RequestOperation.STATUS,
					new Wire.Writer().writeString(ref.key().toString()).toBytes(), this.node.requestTimeout(), ref.key());
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
