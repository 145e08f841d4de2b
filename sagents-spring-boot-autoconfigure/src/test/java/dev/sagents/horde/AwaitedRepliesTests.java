package dev.sagents.horde;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A call or request waiting for another member's reply never outlives that member: whether the
 * member leaves after the call went out or had left just before, the call fails at once as left,
 * so the caller follows its process, instead of waiting for a reply that cannot come until its
 * timeout.
 */
class AwaitedRepliesTests {

	/** Far longer than any assertion waits: a call that waits for it was not failed. */
	private static final Duration CALL_TIMEOUT = Duration.ofMinutes(5);

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	private final Set<String> cluster = ConcurrentHashMap.newKeySet();

	private final AwaitedReplies awaited = new AwaitedReplies(this.timer, this.cluster::contains);

	@AfterEach
	void stopTimer() {
		this.timer.shutdownNow();
	}

	@Test
	void aCallToAMemberThatLeftBeforeItWasSentFailsAtOnceAsNotSent() {
		this.cluster.add("m2");
		// The departure is seen, and its calls failed, between the caller's check and the call.
		this.cluster.remove("m2");
		this.awaited.memberLeft("m2", false);
		AwaitedReplies.Awaited call = this.awaited.expect("m2", CALL_TIMEOUT, AwaitedReplies.CALLER_WAITS);
		assertThat(call.send()).isFalse();
		MemberLeftException left = failure(call.reply());
		assertThat(left.member()).isEqualTo("m2");
		// Never sent, so never handled: it may be sent again, wherever the process is now.
		assertThat(left.graceful()).isTrue();
	}

	@Test
	void aCallWaitingOnAMemberThatLeavesFailsAsItLeft() {
		this.cluster.add("m2");
		AwaitedReplies.Awaited call = this.awaited.expect("m2", CALL_TIMEOUT, AwaitedReplies.CALLER_WAITS);
		assertThat(call.send()).isTrue();
		this.cluster.remove("m2");
		this.awaited.memberLeft("m2", false);
		assertThat(failure(call.reply()).graceful()).isFalse();
	}

	@Test
	void aReplyCompletesItsCallOnce() {
		this.cluster.add("m2");
		AwaitedReplies.Awaited call = this.awaited.expect("m2", CALL_TIMEOUT, AwaitedReplies.CALLER_WAITS);
		Reply reply = new Reply(Reply.Outcome.OK, new byte[] { 1 });
		this.awaited.complete(call.correlation(), reply);
		this.awaited.memberLeft("m2", false);
		assertThat(call.reply()).isCompletedWithValue(reply);
	}

	private static MemberLeftException failure(CompletableFuture<Reply> reply) {
		await().atMost(Duration.ofSeconds(10)).until(reply::isDone);
		Throwable error = reply.handle((value, thrown) -> Replies.unwrap(thrown)).join();
		assertThat(error).isInstanceOf(MemberLeftException.class);
		return (MemberLeftException) error;
	}

}
