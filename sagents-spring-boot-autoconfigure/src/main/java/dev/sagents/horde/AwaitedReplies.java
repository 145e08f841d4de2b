package dev.sagents.horde;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The calls and requests of this member that wait for a reply from another, by correlation: each
 * completes with its reply, or fails when it times out, when its member leaves, or when its member
 * had left already, before it went out.
 */
final class AwaitedReplies {

	/**
	 * Completes a reply on the thread that receives it, which only wakes the caller blocked on it:
	 * for a future nobody chains work onto, so no application code runs on a Hazelcast thread, and
	 * the reply takes no hop through the sagents executor on its way to the caller.
	 */
	static final Executor CALLER_WAITS = Runnable::run;

	private final ConcurrentHashMap<Long, Pending> pending = new ConcurrentHashMap<>();

	private final AtomicLong correlations = new AtomicLong();

	private final ScheduledExecutorService timer;

	private final Predicate<String> inCluster;

	/**
	 * @param inCluster whether a member (by UUID) is in the cluster now; a call or request to one
	 * that is not fails as not sent
	 */
	AwaitedReplies(ScheduledExecutorService timer, Predicate<String> inCluster) {
		this.timer = timer;
		this.inCluster = inCluster;
	}

	/**
	 * Registers a call or request to {@code member}, whose reply completes on {@code completions}
	 * and which times out after {@code timeout}. Then, if {@code member} is no longer in the cluster,
	 * fails it as not sent, to be sent again elsewhere ({@link Awaited#send()} is {@code false}):
	 * checked after the registration, so a member that leaves before is seen here, and one that
	 * leaves after finds the call registered ({@link #memberLeft}); none waits for its timeout.
	 */
	Awaited expect(String member, Duration timeout, Executor completions) {
		long correlation = this.correlations.incrementAndGet();
		CompletableFuture<Reply> reply = new CompletableFuture<>();
		ScheduledFuture<?> expiry = this.timer.schedule(() -> fail(correlation, new TimeoutException()),
				timeout.toNanos(), TimeUnit.NANOSECONDS);
		this.pending.put(correlation, new Pending(reply, member, expiry, completions));
		boolean send = this.inCluster.test(member);
		if (!send) {
			fail(correlation, new MemberLeftException(member, true));
		}
		return new Awaited(correlation, reply, send);
	}

	/** Completes call or request {@code correlation} with {@code reply}, unless it is over already. */
	void complete(long correlation, Reply reply) {
		Pending waiting = this.pending.remove(correlation);
		if (waiting != null) {
			waiting.expiry.cancel(false);
			// Completed on the sagents executor (or the waiting caller's thread): the caller's
			// continuations must not run on a Hazelcast thread.
			waiting.completions.execute(() -> waiting.reply.complete(reply));
		}
	}

	/**
	 * Fails every call and request waiting on {@code member}, which left the cluster;
	 * {@code graceful} when it announced its departure (then it answered everything it handled).
	 */
	void memberLeft(String member, boolean graceful) {
		this.pending.forEach((correlation, waiting) -> {
			if (waiting.member.equals(member)) {
				fail(correlation, new MemberLeftException(member, graceful));
			}
		});
	}

	/** Fails every call and request still waiting: this member, {@code self}, stopped listening. */
	void stopped(String self) {
		this.pending.keySet().forEach((correlation) -> fail(correlation, new MemberLeftException(self, false)));
	}

	private void fail(long correlation, Exception error) {
		Pending waiting = this.pending.remove(correlation);
		if (waiting != null) {
			waiting.expiry.cancel(false);
			waiting.completions.execute(() -> waiting.reply.completeExceptionally(error));
		}
	}

	/**
	 * A call or request registered by {@link #expect}.
	 *
	 * @param correlation what its reply names it by
	 * @param reply completes with its reply
	 * @param send whether to send it: its member was still in the cluster
	 */
	record Awaited(long correlation, CompletableFuture<Reply> reply, boolean send) {
	}

	/** A call or request waiting for its reply, which completes on {@code completions}. */
	private record Pending(CompletableFuture<Reply> reply, String member, ScheduledFuture<?> expiry,
			Executor completions) {
	}

}
