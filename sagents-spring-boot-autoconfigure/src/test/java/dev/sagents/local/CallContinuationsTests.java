package dev.sagents.local;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** {@link CallContinuations} and the {@link CallFuture} of a call. */
class CallContinuationsTests {

	/** Stands for the sagents executor. */
	private final ScheduledExecutorService executor = Executors
		.newSingleThreadScheduledExecutor((task) -> new Thread(task, "executor"));

	/** Stands for the Hazelcast thread a reply arrives on. */
	private final ScheduledExecutorService hazelcast = Executors.newSingleThreadScheduledExecutor();

	private final CallContinuations continuations = new CallContinuations(this.executor);

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
		this.hazelcast.shutdownNow();
	}

	@Test
	void aReplyReachesItsCallerWhenTheExecutorRefusesWork() {
		CallContinuations refusing = new CallContinuations((task) -> {
			throw new RejectedExecutionException("shut down");
		});
		CallFuture<String> reply = new CallFuture<>(refusing);
		this.hazelcast.execute(() -> refusing.execute(() -> reply.complete("reply")));
		assertThat(reply.orTimeout(1, TimeUnit.MINUTES).join()).isEqualTo("reply");
	}

	@Test
	void theHandlersAnInterruptedCallerRunsDoNotSeeItsInterruptWhichItKeeps() {
		AtomicReference<Boolean> handlerSawInterrupt = new AtomicReference<>();
		CompletableFuture<String> handled = new CompletableFuture<>();
		CallContinuations helped = new CallContinuations(this.executor, () -> {
			handlerSawInterrupt.compareAndSet(null, Thread.currentThread().isInterrupted());
			handled.complete("reply");
		});
		CallFuture<String> reply = new CallFuture<>(helped);
		handled.whenComplete((value, error) -> helped.execute(() -> reply.complete(value)));
		Thread.currentThread().interrupt();
		try {
			assertThat(reply.join()).isEqualTo("reply");
			assertThat(handlerSawInterrupt.get()).isFalse();
		}
		finally {
			assertThat(Thread.interrupted()).as("the caller's interrupt is kept").isTrue();
		}
	}

	@Test
	void theContinuationsOfACallRunOnTheThreadThatJoinsIt() {
		CallFuture<String> reply = new CallFuture<>(this.continuations);
		CompletableFuture<String> decoded = reply.thenApply((value) -> value + " decoded on " + Thread.currentThread().getName());
		replyOnceWaiting(Thread.currentThread(), () -> reply.complete("reply"));
		assertThat(decoded.join()).isEqualTo("reply decoded on " + Thread.currentThread().getName());
	}

	@Test
	void aCallerThatSaidItWouldWaitRunsTheContinuationsThatCameBefore() throws Exception {
		this.continuations.waitHere();
		CallFuture<String> reply = new CallFuture<>(this.continuations);
		CompletableFuture<String> decoded = reply.thenApply((value) -> value + " decoded on " + Thread.currentThread().getName());
		this.hazelcast.submit(() -> this.continuations.execute(() -> reply.complete("reply"))).get();
		assertThat(decoded.get(1, TimeUnit.MINUTES)).isEqualTo("reply decoded on " + Thread.currentThread().getName());
	}

	@Test
	void withoutAWaitingThreadTheContinuationsRunOnTheExecutor() {
		CallFuture<String> reply = new CallFuture<>(this.continuations);
		CompletableFuture<String> decoded = reply.thenApply((value) -> value + " decoded on " + Thread.currentThread().getName());
		this.hazelcast.execute(() -> this.continuations.execute(() -> reply.complete("reply")));
		await().atMost(Duration.ofMinutes(1)).until(decoded::isDone);
		assertThat(decoded.join()).isEqualTo("reply decoded on executor");
	}

	@Test
	void aCallCompletedOnAnotherThreadWakesTheThreadThatWaits() throws Exception {
		CallFuture<String> reply = new CallFuture<>(this.continuations);
		replyOnceWaiting(Thread.currentThread(), () -> reply.complete("elsewhere"));
		assertThat(reply.get()).isEqualTo("elsewhere");
	}

	@Test
	void theWaitEndsAtItsTimeoutAndLaterContinuationsRunOnTheExecutor() {
		CallFuture<String> reply = new CallFuture<>(this.continuations);
		assertThatExceptionOfType(TimeoutException.class).isThrownBy(() -> reply.get(50, TimeUnit.MILLISECONDS));
		assertTheNextContinuationRunsOnTheExecutor();
	}

	@Test
	void aCallerThatSaidItWouldWaitStopsWaitingWhenItGetsACallThatWasDoneAlready() throws Exception {
		this.continuations.waitHere();
		CallFuture<String> reply = new CallFuture<>(this.continuations);
		reply.complete("at once");
		assertThat(reply.get(1, TimeUnit.MINUTES)).isEqualTo("at once");
		assertTheNextContinuationRunsOnTheExecutor();
	}

	@Test
	void aSecondWaitingThreadWaitsAsForAnyFuture() throws Exception {
		this.continuations.waitHere();
		CallFuture<String> reply = new CallFuture<>(this.continuations);
		AtomicReference<String> ranOn = new AtomicReference<>();
		CompletableFuture<String> second = CompletableFuture.supplyAsync(reply::join);
		this.continuations.execute(() -> {
			ranOn.set(Thread.currentThread().getName());
			reply.complete("reply");
		});
		assertThat(reply.join()).isEqualTo("reply");
		assertThat(ranOn).hasValue(Thread.currentThread().getName());
		assertThat(second.get(1, TimeUnit.MINUTES)).isEqualTo("reply");
	}

	@Test
	void joinKeepsWaitingWhenInterruptedAndKeepsTheInterrupt() {
		CallFuture<String> reply = new CallFuture<>(this.continuations);
		this.hazelcast.schedule(() -> this.continuations.execute(() -> reply.complete("reply")), 100, TimeUnit.MILLISECONDS);
		Thread.currentThread().interrupt();
		assertThat(reply.join()).isEqualTo("reply");
		assertThat(Thread.interrupted()).isTrue();
	}

	@Test
	void aWaitThatEndsWithTheReplyLeavesTheThreadUninterrupted() {
		CallFuture<String> reply = new CallFuture<>(this.continuations);
		replyOnceWaiting(Thread.currentThread(), () -> reply.complete("reply"));
		assertThat(reply.join()).isEqualTo("reply");
		assertThat(Thread.interrupted()).as("no interrupt made up by the wait").isFalse();
	}

	@Test
	void joinInterruptedWhileItWaitsKeepsWaitingAndKeepsTheInterrupt() {
		CallFuture<String> reply = new CallFuture<>(this.continuations);
		Thread waiter = Thread.currentThread();
		CompletableFuture.runAsync(() -> {
			await().atMost(Duration.ofMinutes(1)).until(() -> parked(waiter));
			waiter.interrupt();
			// Parked again, the interrupt taken note of.
			await().atMost(Duration.ofMinutes(1)).until(() -> !waiter.isInterrupted() && parked(waiter));
			this.continuations.execute(() -> reply.complete("reply"));
		}, this.hazelcast).exceptionally((failure) -> {
			reply.completeExceptionally(failure);
			return null;
		});
		assertThat(reply.join()).isEqualTo("reply");
		assertThat(Thread.interrupted()).isTrue();
	}

	@Test
	void getEndsWhenInterrupted() {
		CallFuture<String> reply = new CallFuture<>(this.continuations);
		Thread.currentThread().interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(reply::get);
	}

	@Test
	void aThreadOfAForkJoinPoolThatJoinsACallLeavesAStandInToCompleteIt() throws Exception {
		ForkJoinPool pool = new ForkJoinPool(1);
		try {
			CallFuture<String> reply = new CallFuture<>(new CallContinuations(pool));
			// As a process of this node, called and joined from the pool's only thread, answers on that pool.
			Future<String> joined = pool.submit(() -> {
				pool.execute(() -> reply.complete("answered"));
				return reply.join();
			});
			assertThat(joined.get(1, TimeUnit.MINUTES)).isEqualTo("answered");
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aWaitWithATimeoutStillEndsWithAReplyThatCameWhileItWaited() throws Exception {
		CallFuture<String> reply = new CallFuture<>(this.continuations);
		replyOnceWaiting(Thread.currentThread(), () -> reply.complete("in time"));
		assertThat(reply.get(1, TimeUnit.MINUTES)).isEqualTo("in time");
	}

	@Test
	void aThreadThatAsksToWaitWhileAnotherWaitsIsToldAtOnce() throws Exception {
		assertThat(this.continuations.waitHere()).isTrue();
		CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
			try {
				return this.continuations.waitHere()
						|| this.continuations.await(new CompletableFuture<>(), TimeUnit.MINUTES.toNanos(1), true);
			}
			catch (TimeoutException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(second.get(1, TimeUnit.MINUTES)).as("the second thread waits as for any future").isFalse();
		assertThat(this.continuations.await(CompletableFuture.completedFuture("done"), 0, true))
			.as("the first one waited, and is done")
			.isTrue();
	}

	@Test
	void aContinuationGivenWhileNobodyWaitsRunsOnceOnTheExecutor() {
		AtomicInteger runs = new AtomicInteger();
		this.continuations.execute(runs::incrementAndGet);
		await().atMost(Duration.ofMinutes(1)).until(() -> runs.get() == 1);
		CallFuture<String> reply = new CallFuture<>(this.continuations);
		reply.complete("done");
		assertThat(reply.join()).isEqualTo("done");
		assertThat(runs).as("not run again by the next waiting thread").hasValue(1);
	}

	@Test
	void aContinuationThatThrowsEndsTheWaitAndTheOnesQueuedAfterItRunOnceOnTheExecutor() {
		this.continuations.waitHere();
		AtomicReference<String> ranOn = new AtomicReference<>();
		AtomicInteger runs = new AtomicInteger();
		this.continuations.execute(() -> {
			throw new IllegalStateException("broken continuation");
		});
		this.continuations.execute(() -> {
			ranOn.set(Thread.currentThread().getName());
			runs.incrementAndGet();
		});
		CallFuture<String> reply = new CallFuture<>(this.continuations);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(reply::join).withMessage("broken continuation");
		await().atMost(Duration.ofMinutes(1)).until(() -> "executor".equals(ranOn.get()));
		reply.complete("done");
		assertThat(reply.join()).isEqualTo("done");
		assertThat(runs).as("run once").hasValue(1);
	}

	/** No thread waits any more: the next continuation runs on the executor. */
	private void assertTheNextContinuationRunsOnTheExecutor() {
		AtomicReference<String> ranOn = new AtomicReference<>();
		this.continuations.execute(() -> ranOn.set(Thread.currentThread().getName()));
		await().atMost(Duration.ofMinutes(1)).until(() -> "executor".equals(ranOn.get()));
	}

	/** Runs {@code reply} on the Hazelcast thread, as a continuation, once {@code waiter} waits. */
	private void replyOnceWaiting(Thread waiter, Runnable reply) {
		this.hazelcast.execute(() -> {
			await().atMost(Duration.ofMinutes(1)).until(() -> parked(waiter));
			this.continuations.execute(reply);
		});
	}

	/** Whether {@code thread} is parked in a wait, with or without a limit. */
	private static boolean parked(Thread thread) {
		Thread.State state = thread.getState();
		return state == Thread.State.TIMED_WAITING || state == Thread.State.WAITING;
	}

}
