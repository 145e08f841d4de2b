package dev.sagents.horde;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WaitingCallerTests {

	private static final long LONG = TimeUnit.MINUTES.toNanos(1);

	private final ScheduledExecutorService other = Executors.newSingleThreadScheduledExecutor();

	@AfterEach
	void stopOther() {
		this.other.shutdownNow();
	}

	@Test
	void theContinuationsOfTheCallRunOnTheWaitingThread() throws Exception {
		WaitingCaller caller = new WaitingCaller();
		CompletableFuture<String> reply = new CompletableFuture<>();
		CompletableFuture<String> result = reply.thenApply((value) -> value + " decoded on " + Thread.currentThread().getName());
		// As the transport does: the reply arrives on another thread, which hands its completion to the caller.
		this.other.schedule(() -> caller.execute(() -> reply.complete("reply")), 50, TimeUnit.MILLISECONDS);
		assertThat(caller.await(result, LONG)).isEqualTo("reply decoded on " + Thread.currentThread().getName());
	}

	@Test
	void aResultCompletedOnAnotherThreadWakesTheCaller() throws Exception {
		WaitingCaller caller = new WaitingCaller();
		CompletableFuture<String> result = new CompletableFuture<>();
		this.other.schedule(() -> result.complete("elsewhere"), 50, TimeUnit.MILLISECONDS);
		assertThat(caller.await(result, LONG)).isEqualTo("elsewhere");
	}

	@Test
	void theWaitEndsAtItsTimeout() {
		WaitingCaller caller = new WaitingCaller();
		assertThatExceptionOfType(TimeoutException.class)
			.isThrownBy(() -> caller.await(new CompletableFuture<>(), TimeUnit.MILLISECONDS.toNanos(50)));
	}

}
