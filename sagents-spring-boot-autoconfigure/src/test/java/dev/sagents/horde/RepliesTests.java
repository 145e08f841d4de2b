package dev.sagents.horde;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import dev.sagents.filesystem.FileNotFoundException;
import dev.sagents.process.CallTimeoutException;
import dev.sagents.process.MemberLostException;
import dev.sagents.process.ProcessFailedException;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessNotRunningException;
import dev.sagents.process.RemoteCauseException;
import dev.sagents.process.SagentsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The caller's side of a request to another member: whatever went wrong, on the way or on the
 * member, the caller gets the typed error it would get for a process of its own node.
 */
class RepliesTests {

	private static final ProcessKey KEY = ProcessKey.agent("a1");

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(7);

	private final Replies replies = new Replies(REQUEST_TIMEOUT, Map.of("member-uuid", "node-2")::get);

	@Test
	void aReplyThatWentWellIsTheAnswer() {
		Reply ok = new Reply(Reply.Outcome.OK, new byte[] { 1 });
		assertThat(this.replies.awaitReply(CompletableFuture.completedFuture(ok), KEY)).isSameAs(ok);
	}

	@Test
	void aProcessThatIsNotThereIsNotRunning() {
		for (Reply.Outcome outcome : new Reply.Outcome[] { Reply.Outcome.NOT_HERE, Reply.Outcome.NOT_RUNNING,
				Reply.Outcome.MOVED }) {
			assertThatExceptionOfType(ProcessNotRunningException.class).as(outcome.name())
				.isThrownBy(() -> this.replies.awaitReply(reply(outcome, new byte[0]), KEY))
				.satisfies((ex) -> assertThat(ex.key()).isEqualTo(KEY));
		}
	}

	@Test
	void aTimeoutOnTheMemberIsACallTimeoutOfTheRequestTimeout() {
		assertThatExceptionOfType(CallTimeoutException.class)
			.isThrownBy(() -> this.replies.awaitReply(reply(Reply.Outcome.TIMEOUT, new byte[0]), KEY))
			.satisfies((ex) -> assertThat(ex.timeout()).isEqualTo(REQUEST_TIMEOUT));
	}

	@Test
	void aCrashOnTheMemberIsAFailedProcessWithTheRemoteCause() {
		byte[] crash = RemoteErrors.encode(new IllegalStateException("broken"));
		assertThatExceptionOfType(ProcessFailedException.class)
			.isThrownBy(() -> this.replies.awaitReply(reply(Reply.Outcome.FAILED, crash), KEY))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo(KEY))
			.havingCause()
			.isInstanceOf(RemoteCauseException.class)
			.withMessage("java.lang.IllegalStateException: broken");
	}

	@Test
	void aRefusalIsThrownAsItsOwnType() {
		byte[] refusal = RemoteErrors.encode(new FileNotFoundException("s1", "a.txt"));
		assertThatExceptionOfType(FileNotFoundException.class)
			.isThrownBy(() -> this.replies.awaitReply(reply(Reply.Outcome.REFUSED, refusal), KEY))
			.withMessage("No file 'a.txt' in file system 's1'");
	}

	@Test
	void aMemberThatLeftBeforeReplyingIsNamedByItsNode() {
		CompletableFuture<Object> left = CompletableFuture.failedFuture(new MemberLeftException("member-uuid", false));
		assertThatExceptionOfType(MemberLostException.class)
			.isThrownBy(() -> this.replies.awaitValue(left, KEY, Duration.ofSeconds(1)))
			.satisfies((ex) -> assertThat(ex.node()).isEqualTo("node-2"))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo(KEY));
		assertThat(this.replies.translate(new CompletionException(new MemberLeftException("member-uuid", true)), KEY,
				"known-node", Duration.ofSeconds(1)))
			.isInstanceOfSatisfying(MemberLostException.class, (ex) -> assertThat(ex.node()).isEqualTo("known-node"));
	}

	@Test
	void aReplyThatTimedOutOnTheWayIsACallTimeoutOfTheCallsTimeout() {
		CompletableFuture<Object> late = CompletableFuture.failedFuture(new TimeoutException());
		assertThatExceptionOfType(CallTimeoutException.class)
			.isThrownBy(() -> this.replies.awaitValue(late, KEY, Duration.ofSeconds(3)))
			.satisfies((ex) -> assertThat(ex.timeout()).isEqualTo(Duration.ofSeconds(3)));
	}

	@Test
	void aReplyThatNeverComesEndsTheWaitWithACallTimeout() {
		assertThatExceptionOfType(CallTimeoutException.class)
			.isThrownBy(() -> this.replies.awaitValue(new CompletableFuture<>(), KEY, Duration.ZERO))
			.satisfies((ex) -> assertThat(ex.timeout()).isEqualTo(Duration.ZERO));
	}

	@Test
	void aReplyThatComesWhileTheCallerWaitsIsTheAnswer() {
		CompletableFuture<String> reply = new CompletableFuture<>();
		Thread caller = Thread.currentThread();
		ExecutorService member = Executors.newSingleThreadExecutor();
		try {
			member.execute(() -> {
				await().atMost(Duration.ofMinutes(1))
					.pollInterval(Duration.ofMillis(1))
					.until(() -> caller.getState() == Thread.State.TIMED_WAITING);
				reply.complete("in time");
			});
			// Under a second, so that the caller waits only for the second of slack it adds.
			assertThat(this.replies.awaitValue(reply, KEY, Duration.ofMillis(900))).isEqualTo("in time");
		}
		finally {
			member.shutdownNow();
		}
	}

	@Test
	void anyOtherFailureReachesTheCallerAsItWasOrWrappedIfChecked() {
		IllegalStateException unchecked = new IllegalStateException("broken");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.replies.awaitValue(CompletableFuture.failedFuture(unchecked), KEY, Duration.ofSeconds(1)))
			.isSameAs(unchecked);
		IOException checked = new IOException("disk");
		assertThatExceptionOfType(SagentsException.class)
			.isThrownBy(() -> this.replies.awaitValue(CompletableFuture.failedFuture(checked), KEY, Duration.ofSeconds(1)))
			.withMessage("java.io.IOException: disk")
			.withCause(checked);
	}

	@Test
	void anInterruptedWaitEndsWithTheInterruptKept() {
		Thread.currentThread().interrupt();
		try {
			assertThatExceptionOfType(SagentsException.class)
				.isThrownBy(() -> this.replies.awaitValue(new CompletableFuture<>(), KEY, Duration.ofMinutes(1)))
				.withMessage("Interrupted while waiting for a reply about " + KEY);
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void theCauseIsFoundInsideTheWrappersOfAFuture() {
		IllegalStateException cause = new IllegalStateException();
		assertThat(Replies.unwrap(new CompletionException(new ExecutionException(cause)))).isSameAs(cause);
		CompletionException empty = new CompletionException(null);
		assertThat(Replies.unwrap(empty)).as("a wrapper without a cause is the cause").isSameAs(empty);
		assertThat(Replies.unwrap(cause)).isSameAs(cause);
	}

	@Test
	void anErrorWithACauseReachesTheCallerAsItselfNotAsItsCause() {
		ProcessFailedException failed = new ProcessFailedException(KEY, new ArithmeticException("/ by zero"));
		assertThatExceptionOfType(ProcessFailedException.class)
			.isThrownBy(() -> this.replies.awaitValue(CompletableFuture.failedFuture(failed), KEY, Duration.ofSeconds(1)))
			.isSameAs(failed);
	}

	@Test
	void everyOutcomeReadsBackFromItsOrdinalAndNoOtherOrdinalIsRead() {
		for (Reply.Outcome outcome : Reply.Outcome.values()) {
			assertThat(Reply.Outcome.of(outcome.ordinal())).isSameAs(outcome);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> Reply.Outcome.of(-1)).withMessage("Unknown reply outcome -1");
		assertThatIllegalArgumentException().isThrownBy(() -> Reply.Outcome.of(Reply.Outcome.values().length));
	}

	@Test
	void aMemberThatLeftTellsWhetherItLeftGracefully() {
		assertThat(new MemberLeftException("m1", true).graceful()).isTrue();
		assertThat(new MemberLeftException("m1", false).graceful()).isFalse();
		assertThat(new MemberLeftException("m1", false)).hasMessage("member m1 left");
	}

	private static CompletableFuture<Reply> reply(Reply.Outcome outcome, byte[] data) {
		return CompletableFuture.completedFuture(new Reply(outcome, data));
	}

}
