package dev.sagents.horde;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.observation.TraceHeaders;
import dev.sagents.process.ProcessKey;

/**
 * Follows a process whose reference names a member that no longer hosts it: to where the survivors
 * announce they restarted it, or to where the registry says it runs now, pausing a little while
 * it is still on its way. Updates the reference; {@link CallRouter} tries the call again.
 */
final class ProcessFollower {

	private static final Logger logger = LoggerFactory.getLogger(ProcessFollower.class);

	/** The longest pause between two tries of a call whose process is moving. */
	private static final long MAX_RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	private final NodeContext node;

	private final ClusterRegistry registry;

	private final RestartedProcesses restartedProcesses;

	private final DrainedMembers drained;

	private final CastForwarder forwarder;

	/**
	 * @param drained where the processes of a member that drained and left were handed
	 * @param forwarder delivers the casts whose process is not where the reference says
	 */
	ProcessFollower(NodeContext node, ClusterRegistry registry, RestartedProcesses restartedProcesses,
			DrainedMembers drained, CastForwarder forwarder) {
		this.node = node;
		this.registry = registry;
		this.restartedProcesses = restartedProcesses;
		this.drained = drained;
		this.forwarder = forwarder;
	}

	/**
	 * The member of the process left: on a call's first try, if it drained, goes where it handed the
	 * process off ({@link DrainedMembers}); else where the survivors announce they restarted it,
	 * else follows the registry. Completes as {@link #follow}.
	 */
	CompletableFuture<Boolean> afterMemberLeft(HordeProcessRef ref, String formerHost, int tries, long deadline,
			Executor completions) {
		// Only on the first try: a process not found there follows the registry, which may name the
		// departed member until the survivors restarted what it did not hand off.
		String handedTo = (tries == 0) ? this.drained.handedTo(ref.key(), formerHost) : null;
		if (handedTo != null) {
			ref.movedTo(handedTo, this.node.membership().nodeName(handedTo));
			return CompletableFuture.completedFuture(true);
		}
		return this.restartedProcesses.whereRestarted(ref.key(), formerHost, deadline).thenCompose((location) -> {
			if (location != null && this.node.membership().isMember(location.member())) {
				ref.movedTo(location.member(), location.node());
				return CompletableFuture.completedFuture(true);
			}
			return follow(ref, formerHost, tries, completions);
		});
	}

	/** The member does not host the process (any more), wherever it was announced: follows it. */
	CompletableFuture<Boolean> notHere(HordeProcessRef ref, String host, int tries, Executor completions) {
		this.restartedProcesses.notOn(ref.key(), host);
		return follow(ref, host, tries, completions);
	}

	/**
	 * Looks the process up again after its member said it does not host it. Completes with
	 * {@code false} when it is not registered any more; else updates {@code ref} and completes with
	 * {@code true} after a short pause if it is still registered where it was (it is moving).
	 */
	CompletableFuture<Boolean> follow(HordeProcessRef ref, String previousHost, int tries, Executor completions) {
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
	CompletableFuture<Boolean> afterPause(int tries, Executor completions) {
		CompletableFuture<Boolean> paused = new CompletableFuture<>();
		long pause = Math.min(TimeUnit.MICROSECONDS.toNanos(250) << Math.min(tries, 10), MAX_RETRY_PAUSE_NANOS);
		this.node.runtime()
			.timer()
			.schedule(() -> completions.execute(() -> paused.complete(true)), pause, TimeUnit.NANOSECONDS);
		return paused;
	}

	/**
	 * A cast whose member is gone (or drains with nobody to hand it off to): goes where the
	 * survivors announce its restart, or follows the registry, which names the next host as soon as
	 * there is one (a cast has no reply to tell us it was lost on the way).
	 */
	void castAfterMemberLeft(HordeProcessRef ref, Object message, byte[] payload) {
		ProcessKey key = ref.key();
		long deadline = this.forwarder.deadline();
		// Read now, on the sender's thread: the cast goes on later, in the sender's trace.
		TraceHeaders headers = this.node.transport().outgoing();
		this.restartedProcesses.whereRestarted(key, ref.host(), deadline).thenAccept((location) -> {
			if (location != null && this.node.membership().isAlive(location.member())
					&& !location.member().equals(this.node.localMember())) {
				ref.movedTo(location.member(), location.node());
				this.node.transport().cast(location.member(), key, payload, null, headers);
			}
			else {
				this.forwarder.forward(key, message, headers, deadline);
			}
		}).exceptionally((error) -> {
			logger.warn("Dropping a cast to {}", key, error);
			return null;
		});
	}

}
