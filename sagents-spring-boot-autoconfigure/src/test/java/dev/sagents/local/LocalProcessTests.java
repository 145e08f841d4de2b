package dev.sagents.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.sagents.process.CallTimeoutException;
import dev.sagents.process.ProcessFailedException;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessNotRunningException;
import dev.sagents.process.ProcessStartException;
import dev.sagents.process.SagentsException;
import dev.sagents.supervisor.ExitReason;
import dev.sagents.supervisor.RestartIntensity;
import dev.sagents.testsupport.Deadlines;
import dev.sagents.testsupport.ManualExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A process's mailbox, hand-offs, restarts and ends. The executor here runs tasks only when the
 * test says, so the order is exact: a process is registered (and so reachable) a moment before it
 * starts, and a message that arrives in that moment must wait for {@code init}, not break the
 * start; a caller finding the process idle runs the handler itself, one finding it busy queues.
 */
class LocalProcessTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** How many messages a process handles per executor task. */
	private static final int BATCH = 64;

	/** How long the handler takes for "slow". */
	private static final Duration SLOW = Duration.ofMillis(20);

	private final ManualExecutor executor = new ManualExecutor();

	private final LocalProcessRuntime runtime = new LocalProcessRuntime("node", this.executor);

	@AfterEach
	void closeRuntime() {
		this.runtime.close();
	}

	@Test
	void messageArrivingBeforeStartIsHandledAfterInit() {
		Recorder process = new Recorder(this.runtime);
		CompletableFuture<String> reply = process.call("early", String.class, Duration.ofSeconds(30));
		this.executor.runQueued();

		process.start();
		this.executor.runQueued();

		assertThat(reply).isCompletedWithValue("handled early");
		assertThat(process.steps).containsExactly("init", "early");
	}

	@Test
	void stopRequestedBeforeStartEndsTheProcessOnceStarted() {
		Recorder process = new Recorder(this.runtime);
		CompletableFuture<ExitReason> ended = process.requestStop(ExitReason.SHUTDOWN);
		this.executor.runQueued();
		assertThat(ended).isNotDone();

		process.start();
		this.executor.runQueued();

		assertThat(ended).isCompletedWithValue(ExitReason.SHUTDOWN);
		assertThat(process.steps).containsExactly("init", "terminate SHUTDOWN");
	}

	@Test
	void secondStartIsRefused() {
		Recorder process = new Recorder(this.runtime);
		process.start();

		assertThatIllegalStateException().isThrownBy(process::start).withMessageContaining("already started");
		assertThat(process.steps).containsExactly("init");
	}

	@Test
	void anEncodedMessageIsDecodedByTheProcessInMailboxOrder() {
		Recorder process = new Recorder(this.runtime);
		process.start();
		List<String> decodedOn = new ArrayList<>();
		EncodedMessage encoded = new EncodedMessage(() -> {
			decodedOn.add(Thread.currentThread().getName());
			return "decoded";
		});
		process.cast("first");
		CompletableFuture<Object> reply = Delivery.call(process, encoded);
		assertThat(decodedOn).as("not decoded by the thread that delivered it").isEmpty();
		this.executor.runQueued();

		assertThat(reply).isCompletedWithValue("handled decoded");
		assertThat(encoded.decoded()).isEqualTo("decoded");
		assertThat(process.steps).containsExactly("init", "first", "decoded");
	}

	@Test
	void aMessageThatCannotBeDecodedFailsItsCallAndTheProcessGoesOn() {
		Recorder process = new Recorder(this.runtime);
		process.start();
		CompletableFuture<Object> reply = Delivery.call(process, new EncodedMessage(() -> {
			throw new IllegalArgumentException("not a message");
		}));
		process.cast(new EncodedMessage(() -> {
			throw new IllegalArgumentException("not a message either");
		}));
		CompletableFuture<Object> next = Delivery.call(process, "next");
		this.executor.runQueued();

		assertThat(reply).isCompletedExceptionally();
		assertThat(reply.handle((value, error) -> error)).isCompletedWithValueMatching(
				(error) -> error instanceof IllegalArgumentException && error.getMessage().equals("not a message"));
		assertThat(next).isCompletedWithValue("handled next");
		assertThat(process.steps).containsExactly("init", "next");
	}

	@Test
	void anEncodedCastTheProcessDidNotHandleIsDecodedForItsNextHost() {
		Recorder process = new Recorder(this.runtime);
		process.start();
		process.requestStop(ExitReason.SHUTDOWN);
		this.executor.runQueued();
		process.cast(new EncodedMessage(() -> "late"));
		this.executor.runQueued();

		assertThat(process.undelivered).containsExactly("late");
	}

	@Test
	void whoeverAsksAfterAProcessEndedLearnsWhyItEnded() {
		Recorder process = new Recorder(this.runtime);
		process.start();
		process.abandon();
		assertThat(process.termination()).isCompletedWithValue(ExitReason.SHUTDOWN);
		assertThat(process.requestStop(ExitReason.STOPPED)).isCompletedWithValue(ExitReason.SHUTDOWN);
	}

	@Test
	void aProcessAskedToStopIsNoLongerAliveBeforeItGetsToStop() {
		Recorder process = startedRecorder();
		assertThat(process.isAlive()).isTrue();
		process.requestStop(ExitReason.STOPPED);
		assertThat(process.isAlive()).isFalse();
		this.executor.runQueued();
		assertThat(process.ends).containsExactly("STOPPED");
	}

	@Test
	void anIdleProcessHandlesACallAndWaitOnTheCallersThread() {
		Recorder process = startedRecorder();
		assertThat(process.callAndWait("now", String.class, TIMEOUT)).isEqualTo("handled now");
		assertThat(process.handlers).containsExactly(Thread.currentThread());
		assertThat(this.executor.isIdle()).as("no executor task").isTrue();
	}

	@Test
	void aCallAndWaitOnABusyProcessQueuesBehindWhatCameFirst() throws Exception {
		Recorder process = startedRecorder();
		process.cast("first");
		CompletableFuture<String> reply = callAndWaitElsewhere(process, "second");
		this.executor.runQueued();
		assertThat(reply).succeedsWithin(TIMEOUT).isEqualTo("handled second");
		assertThat(process.steps).containsExactly("init", "first", "second");
	}

	@Test
	void aCallAndWaitWhileAHandlerRunsWaitsForItToFinish() {
		Recorder process = startedRecorder();
		process.cast("block");
		new Thread(this.executor.next()).start();
		await().atMost(TIMEOUT).until(() -> process.steps.contains("block"));
		CompletableFuture<String> reply;
		try {
			reply = callAndWaitElsewhere(process, "next");
			assertThat(reply).as("answered while the other handler ran").isNotDone();
		}
		finally {
			process.unblock.countDown();
		}
		assertThat(reply).succeedsWithin(TIMEOUT).isEqualTo("handled next");
		assertThat(process.steps).containsExactly("init", "block", "next");
	}

	@Test
	void workOfTheHostRunsInMailboxOrderAndNeverReachesTheHandler() {
		Recorder process = startedRecorder();
		process.cast("before");
		process.control(() -> process.steps.add("control"));
		process.cast("after");
		this.executor.runQueued();
		assertThat(process.steps).containsExactly("init", "before", "control", "after");
	}

	@Test
	void aCallAndWaitOnAProcessThatAskedItselfToStopIsNotHandled() {
		Recorder process = startedRecorder();
		process.stopOnItsOwn(ExitReason.NORMAL);
		CompletableFuture<String> reply = callAndWaitElsewhere(process, "late");
		this.executor.runQueued();
		assertThat(reply).failsWithin(TIMEOUT).withThrowableThat().withCauseInstanceOf(ProcessNotRunningException.class);
		assertThat(process.steps).containsExactly("init", "terminate NORMAL");
	}

	@Test
	void aCallHandledOnTheCallersThreadThatOutlastsItsTimeoutFailsWithCallTimeoutException() {
		Recorder process = startedRecorder();
		assertThatThrownBy(() -> process.callAndWait("slow", String.class, Duration.ofMillis(1)))
			.isInstanceOf(CallTimeoutException.class);
		assertThat(process.steps).containsExactly("init", "slow");
	}

	@Test
	void aCallNotAnsweredWithinItsTimeoutFailsWithCallTimeoutExceptionAndIsStillHandled() {
		Recorder process = startedRecorder();
		CompletableFuture<String> reply = process.call("patient", String.class, Duration.ofMillis(1));
		Runnable handling = this.executor.next();
		// Nobody waits for the call: its timeout fails it through the executor, before it is handled.
		await().atMost(TIMEOUT).until(() -> !this.executor.isIdle());
		this.executor.runQueued();
		assertThat(reply).failsWithin(TIMEOUT).withThrowableThat().withCauseInstanceOf(CallTimeoutException.class);
		handling.run();
		assertThat(process.steps).containsExactly("init", "patient");
	}

	@Test
	void aCallToAnEndedProcessFailsWithProcessNotRunningExceptionEvenOnceTheNodeClosedItsTimer() {
		Recorder process = startedRecorder();
		process.requestStop(ExitReason.STOPPED);
		this.executor.runQueued();
		this.runtime.close();
		assertThat(process.call("late", String.class, TIMEOUT)).failsWithin(TIMEOUT)
			.withThrowableThat()
			.withCauseInstanceOf(ProcessNotRunningException.class);
		assertThatThrownBy(() -> process.callAndWait("late", String.class, TIMEOUT))
			.isInstanceOf(ProcessNotRunningException.class);
	}

	@Test
	void aCallerInterruptedWhileWaitingGetsATypedErrorAndKeepsItsInterrupt() {
		Recorder process = startedRecorder();
		process.cast("ahead");
		Thread.currentThread().interrupt();
		try {
			assertThatThrownBy(() -> process.callAndWait("waiting", String.class, TIMEOUT))
				.isInstanceOf(SagentsException.class)
				.hasMessageStartingWith("Interrupted while calling");
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void aRefusalReachesTheCallerAsIsAndTheProcessCarriesOnWithoutRestarting() {
		Recorder process = startedRecorder();
		assertThatThrownBy(() -> process.callAndWait("refuse", String.class, TIMEOUT)).isInstanceOf(Refusal.class);
		CompletableFuture<String> queued = process.call("refuse", String.class, TIMEOUT);
		process.cast("refuse");
		this.executor.runQueued();
		assertThat(queued).failsWithin(TIMEOUT).withThrowableThat().withCauseInstanceOf(Refusal.class);
		assertThat(process.steps).containsExactly("init", "refuse", "refuse", "refuse");
		assertThat(process.isAlive()).isTrue();
	}

	@Test
	void aRefusalThatIsACheckedExceptionReachesAWaitingCallerInASagentsExceptionWhereverTheHandlerRan() {
		Recorder process = startedRecorder();
		assertThatThrownBy(() -> process.callAndWait("refuse checked", String.class, TIMEOUT))
			.isInstanceOf(SagentsException.class)
			.hasMessage("Call to 'agent:recorder' failed")
			.hasCauseInstanceOf(CheckedRefusal.class);
		process.cast("ahead");
		CompletableFuture<String> queued = callAndWaitElsewhere(process, "refuse checked");
		this.executor.runQueued();
		assertThat(queued).failsWithin(TIMEOUT)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(SagentsException.class)
			.withMessage("Call to 'agent:recorder' failed")
			.withCauseInstanceOf(CheckedRefusal.class);
		assertThat(process.steps).containsExactly("init", "refuse checked", "ahead", "refuse checked");
	}

	@Test
	void aCrashFailsItsCallWithProcessFailedExceptionAndRestartsTheProcess() {
		Recorder process = startedRecorder();
		assertThatThrownBy(() -> process.callAndWait("crash", String.class, TIMEOUT))
			.isInstanceOf(ProcessFailedException.class)
			.hasRootCauseMessage("crashed on purpose");
		CompletableFuture<String> queued = process.call("crash", String.class, TIMEOUT);
		process.cast("crash");
		this.executor.runQueued();
		assertThat(queued).failsWithin(TIMEOUT).withThrowableThat().withCauseInstanceOf(ProcessFailedException.class);
		assertThat(process.steps).containsExactly("init", "crash", "crashed: crashed on purpose", "init", "crash",
				"crashed: crashed on purpose", "init", "crash", "crashed: crashed on purpose", "init");
		assertThat(process.isAlive()).isTrue();
		assertThat(process.ends).isEmpty();
	}

	@Test
	void aRestartWhoseInitThrowsIsRetriedWithinTheRestartLimit() {
		Recorder process = startedRecorder();
		process.initFailures = 1;
		assertThatThrownBy(() -> process.callAndWait("crash", String.class, TIMEOUT))
			.isInstanceOf(ProcessFailedException.class);
		assertThat(process.steps).containsExactly("init", "crash", "crashed: crashed on purpose", "init",
				"crashed: init failed", "init");
		assertThat(process.callAndWait("next", String.class, TIMEOUT)).isEqualTo("handled next");
	}

	@Test
	void aProcessWhoseRestartsKeepFailingIsGivenUpWithTheLastErrorAndFailsWhatWasQueued() {
		Recorder process = startedRecorder(new RestartIntensity(2, Duration.ofMinutes(1)));
		process.initFailures = Integer.MAX_VALUE;
		CompletableFuture<String> crashing = process.call("crash", String.class, TIMEOUT);
		CompletableFuture<String> queued = process.call("queued", String.class, TIMEOUT);
		process.cast("queued cast");
		CompletableFuture<ExitReason> ended = process.termination();
		this.executor.runQueued();
		assertThat(crashing).failsWithin(TIMEOUT).withThrowableThat().withCauseInstanceOf(ProcessFailedException.class);
		assertThat(queued).failsWithin(TIMEOUT).withThrowableThat().withCauseInstanceOf(ProcessNotRunningException.class);
		assertThat(process.undelivered).containsExactly("queued cast");
		assertThat(process.steps).containsExactly("init", "crash", "crashed: crashed on purpose", "init",
				"crashed: init failed", "init", "crashed: init failed");
		assertThat(process.ends).containsExactly("RESTART_LIMIT: init failed");
		assertThat(ended).isCompletedWithValue(ExitReason.RESTART_LIMIT);
		assertThat(process.isAlive()).isFalse();
	}

	@Test
	void aProcessAllowedNoRestartIsGivenUpAtItsFirstCrash() {
		Recorder process = startedRecorder(new RestartIntensity(0, Duration.ofMinutes(1)));
		assertThatThrownBy(() -> process.callAndWait("crash", String.class, TIMEOUT))
			.isInstanceOf(ProcessFailedException.class);
		assertThat(process.steps).containsExactly("init", "crash", "crashed: crashed on purpose");
		assertThat(process.ends).containsExactly("RESTART_LIMIT: crashed on purpose");
	}

	@Test
	void aStartWhoseInitThrowsEndsTheProcessAndFailsWhatArrivedBeforeIt() {
		Recorder process = new Recorder(this.runtime);
		process.initFailures = 1;
		CompletableFuture<String> early = process.call("early", String.class, TIMEOUT);
		process.cast("early cast");
		assertThatThrownBy(process::start).isInstanceOf(ProcessStartException.class).hasRootCauseMessage("init failed");
		// The failure reaches the call through the executor, off the thread that failed the start.
		this.executor.runQueued();
		assertThat(early).failsWithin(TIMEOUT).withThrowableThat().withCauseInstanceOf(ProcessNotRunningException.class);
		assertThat(process.undelivered).containsExactly("early cast");
		assertThat(process.ends).containsExactly("CRASH: init failed");
		assertThat(process.termination()).isCompletedWithValue(ExitReason.CRASH);
		assertThatThrownBy(() -> process.callAndWait("late", String.class, TIMEOUT))
			.isInstanceOf(ProcessNotRunningException.class);
		this.executor.runQueued();
		assertThat(process.steps).containsExactly("init");
	}

	@Test
	void aStopOvertakesWhatIsQueuedWhichFailsOrGoesUndeliveredButNeverRuns() {
		Recorder process = startedRecorder();
		CompletableFuture<String> queued = process.call("queued", String.class, TIMEOUT);
		process.cast("queued cast");
		process.requestStop(ExitReason.STOPPED);
		process.control(() -> process.steps.add("control"));
		process.cast(new EncodedMessage(() -> {
			throw new IllegalArgumentException("garbled");
		}));
		this.executor.runQueued();
		assertThat(queued).failsWithin(TIMEOUT).withThrowableThat().withCauseInstanceOf(ProcessNotRunningException.class);
		assertThat(process.undelivered).containsExactly("queued cast");
		assertThat(process.steps).containsExactly("init", "terminate STOPPED");
		assertThat(process.ends).containsExactly("STOPPED");
	}

	@Test
	void aStopAskedByTheLastMessageOfABatchDoesNotWaitForAnotherTurnOnTheExecutor() {
		Recorder process = startedRecorder();
		for (int i = 1; i < BATCH; i++) {
			process.cast("filler");
		}
		process.cast("quit");
		process.cast("after");
		this.executor.next().run();
		assertThat(process.ends).containsExactly("NORMAL");
		assertThat(process.steps).endsWith("quit", "terminate NORMAL");
		assertThat(process.undelivered).containsExactly("after");
	}

	@Test
	void aFloodedProcessLetsAnotherOneRunAfterABatchOfAtMost64Messages() {
		List<String> journal = new CopyOnWriteArrayList<>();
		Recorder flooded = startedRecorder("flooded", journal);
		Recorder other = startedRecorder("other", journal);
		for (int i = 0; i < 100; i++) {
			flooded.cast("flood");
		}
		other.cast("other");
		this.executor.runQueued();
		List<String> handled = journal.stream().filter((step) -> !step.equals("init")).toList();
		assertThat(handled).hasSize(101);
		assertThat(handled.indexOf("other")).as("messages of the flooded process handled first")
			.isPositive()
			.isLessThanOrEqualTo(BATCH);
	}

	@Test
	void abandoningAProcessStuckInItsHandlerInterruptsItAndEndsItWithoutCleanupOrRestart() throws Exception {
		Recorder process = startedRecorder();
		process.cast("block");
		Thread handler = new Thread(this.executor.next());
		handler.start();
		try {
			await().atMost(TIMEOUT).until(() -> process.steps.contains("block"));
			process.abandon();
			handler.join(TIMEOUT.toMillis());
			assertThat(handler.isAlive()).as("interrupted").isFalse();
		}
		finally {
			process.unblock.countDown();
		}
		assertThat(process.steps).containsExactly("init", "block", "interrupted");
		assertThat(process.ends).containsExactly("SHUTDOWN");
		assertThat(process.termination()).isCompletedWithValue(ExitReason.SHUTDOWN);
		assertThat(process.isAlive()).isFalse();
	}

	@Test
	void abandoningAnIdleProcessEndsItOnceAndForAll() {
		Recorder process = startedRecorder();
		process.abandon();
		process.abandon();
		process.requestStop(ExitReason.STOPPED);
		this.executor.runQueued();
		assertThat(process.steps).containsExactly("init");
		assertThat(process.ends).containsExactly("SHUTDOWN");
		assertThat(process.isAlive()).isFalse();
	}

	@Test
	void aStopRequestOvertakenByAbandonRunsNoCleanup() {
		Recorder process = startedRecorder();
		process.requestStop(ExitReason.STOPPED);
		process.abandon();
		this.executor.runQueued();
		assertThat(process.steps).containsExactly("init");
		assertThat(process.ends).containsExactly("SHUTDOWN");
	}

	@Test
	void aProcessWhoseExecutorTakesNoMoreWorkEndsAndHandsBackWhatItHeld() {
		try (LocalProcessRuntime refusing = new LocalProcessRuntime("node", (task) -> {
			throw new RejectedExecutionException("shut down");
		})) {
			Recorder process = new Recorder(refusing);
			process.start();
			process.cast("orphan");
			assertThat(process.ends).containsExactly("SHUTDOWN");
			assertThat(process.undelivered).containsExactly("orphan");
			assertThat(process.call("late", String.class, TIMEOUT)).failsWithin(TIMEOUT)
				.withThrowableThat()
				.withCauseInstanceOf(ProcessNotRunningException.class);
			assertThat(process.steps).containsExactly("init");
		}
	}

	@Test
	void waitingForAProcessThatDoesNotStopWithinTheGraceFailsWithATypedError() {
		Recorder process = startedRecorder();
		process.requestStop(ExitReason.STOPPED);
		assertThatThrownBy(() -> process.awaitTermination(Duration.ofMillis(1))).isInstanceOf(SagentsException.class)
			.hasMessage("Process 'agent:recorder' did not stop within PT0.001S");
		Thread.currentThread().interrupt();
		try {
			assertThatThrownBy(() -> process.awaitTermination(TIMEOUT)).isInstanceOf(SagentsException.class)
				.hasMessageStartingWith("Interrupted while waiting for 'agent:recorder'");
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
		this.executor.runQueued();
		process.awaitTermination(TIMEOUT);
		assertThat(process.ends).containsExactly("STOPPED");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void stoppingAllAbandonsOnlyTheProcessesStillRunningAfterTheGrace(CapturedOutput output) {
		try (LocalProcessRuntime direct = new LocalProcessRuntime("node", Runnable::run)) {
			Recorder stops = new Recorder(direct, "stops", new CopyOnWriteArrayList<>(), RestartIntensity.defaults());
			Recorder stuck = new Recorder(this.runtime, "stuck", new CopyOnWriteArrayList<>(), RestartIntensity.defaults());
			registryStarting(stops, stuck).shutDownHosted(ProcessKind.AGENT, Duration.ofMillis(50));
			assertThat(stops.steps).containsExactly("init", "terminate SHUTDOWN");
			assertThat(stuck.steps).containsExactly("init");
			assertThat(stops.ends).containsExactly("SHUTDOWN");
			assertThat(stuck.ends).containsExactly("SHUTDOWN");
			assertThat(output).contains("Process agent:stuck did not stop within PT0.05S")
				.doesNotContain("Process agent:stops did not stop");
		}
	}

	@Test
	void stoppingAllWhileInterruptedAbandonsAtOnceAndKeepsTheInterrupt() {
		Recorder stuck = new Recorder(this.runtime);
		LocalProcessRegistry registry = registryStarting(stuck);
		Thread.currentThread().interrupt();
		try {
			registry.shutDownHosted(ProcessKind.AGENT, TIMEOUT);
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
		assertThat(stuck.ends).containsExactly("SHUTDOWN");
		assertThat(stuck.steps).containsExactly("init");
	}

	@Test
	void aProcessNamesItsKeyAndNode() {
		assertThat(startedRecorder()).hasToString("Recorder[agent:recorder@node]");
	}

	private Recorder startedRecorder() {
		return startedRecorder(RestartIntensity.defaults());
	}

	private Recorder startedRecorder(RestartIntensity restartIntensity) {
		return started(new Recorder(this.runtime, "recorder", new CopyOnWriteArrayList<>(), restartIntensity));
	}

	private Recorder startedRecorder(String name, List<String> steps) {
		return started(new Recorder(this.runtime, name, steps, RestartIntensity.defaults()));
	}

	private Recorder started(Recorder process) {
		process.start();
		this.executor.runQueued();
		return process;
	}

	/** A running registry that started {@code processes}, as a supervisor's would. */
	private LocalProcessRegistry registryStarting(Recorder... processes) {
		LocalProcessRegistry registry = new LocalProcessRegistry();
		registry.start();
		for (Recorder process : processes) {
			registry.start(() -> process, TIMEOUT);
		}
		this.executor.runQueued();
		return registry;
	}

	/**
	 * Calls {@code process} with {@code callAndWait} on a thread of its own, as another caller would,
	 * and returns once that caller waits for the reply (or got it at once).
	 */
	private CompletableFuture<String> callAndWaitElsewhere(Recorder process, String message) {
		CompletableFuture<String> reply = new CompletableFuture<>();
		Thread caller = new Thread(() -> {
			try {
				reply.complete(process.callAndWait(message, String.class, TIMEOUT));
			}
			catch (RuntimeException ex) {
				reply.completeExceptionally(ex);
			}
		});
		caller.start();
		await().atMost(TIMEOUT).until(() -> reply.isDone() || caller.getState() == Thread.State.TIMED_WAITING);
		return reply;
	}

	/** What a handler throws to refuse a request: the caller gets it, the process goes on. */
	private static final class Refusal extends RuntimeException {

		Refusal() {
			super("refused");
		}

	}

	/** A refusal a handler declares: no caller can get it as it is. */
	private static final class CheckedRefusal extends Exception {

		CheckedRefusal() {
			super("refused, checked");
		}

	}

	/**
	 * Records what ran, in order. Its handler answers "handled MESSAGE", and for a few messages does
	 * more: "crash" throws, "refuse" throws a {@link Refusal} ("refuse checked" a
	 * {@link CheckedRefusal}), "slow" outlasts {@link #SLOW}, "block" waits for {@link #unblock},
	 * "quit" asks the process to stop.
	 */
	private static final class Recorder extends LocalProcess {

		private final List<String> steps;

		private final List<Object> undelivered = new CopyOnWriteArrayList<>();

		/** How each end went: the reason, and the error if there was one. */
		private final List<String> ends = new CopyOnWriteArrayList<>();

		private final List<Thread> handlers = new CopyOnWriteArrayList<>();

		private final CountDownLatch unblock = new CountDownLatch(1);

		private final RestartIntensity restartIntensity;

		/** How many of the next inits throw. */
		private volatile int initFailures;

		Recorder(LocalProcessRuntime runtime) {
			this(runtime, "recorder", new CopyOnWriteArrayList<>(), RestartIntensity.defaults());
		}

		Recorder(LocalProcessRuntime runtime, String name, List<String> steps, RestartIntensity restartIntensity) {
			super(ProcessKey.agent(name), runtime);
			this.steps = steps;
			this.restartIntensity = restartIntensity;
		}

		@Override
		protected void init() {
			this.steps.add("init");
			if (this.initFailures > 0) {
				this.initFailures--;
				throw new IllegalStateException("init failed");
			}
		}

		@Override
		protected Object handle(Object message) throws Exception {
			this.steps.add(String.valueOf(message));
			this.handlers.add(Thread.currentThread());
			switch (String.valueOf(message)) {
				case "crash" -> throw new IllegalStateException("crashed on purpose");
				case "refuse" -> throw new Refusal();
				case "refuse checked" -> throw new CheckedRefusal();
				case "slow" -> Deadlines.awaitPassed(System.nanoTime(), SLOW);
				case "quit" -> stopSelf(ExitReason.NORMAL);
				case "block" -> {
					try {
						this.unblock.await();
					}
					catch (InterruptedException ex) {
						this.steps.add("interrupted");
						throw ex;
					}
				}
				default -> {
				}
			}
			return "handled " + message;
		}

		@Override
		protected boolean isRefusal(Throwable error) {
			return error instanceof Refusal || error instanceof CheckedRefusal;
		}

		@Override
		protected void crashed(Throwable error) {
			this.steps.add("crashed: " + error.getMessage());
		}

		@Override
		protected void terminate(ExitReason reason) {
			this.steps.add("terminate " + reason);
		}

		@Override
		public Duration callTimeout() {
			return Duration.ofSeconds(30);
		}

		@Override
		protected RestartIntensity restartIntensity() {
			return this.restartIntensity;
		}

		@Override
		protected void ended(ExitReason reason, Throwable error) {
			this.ends.add(reason + ((error != null) ? ": " + error.getMessage() : ""));
		}

		@Override
		protected void undelivered(Object message) {
			this.undelivered.add(message);
		}

		/** Asks to stop from outside any handler, as a timer of the process would. */
		void stopOnItsOwn(ExitReason reason) {
			stopSelf(reason);
		}

		void control(Runnable action) {
			enqueueControl(action);
		}

	}

}
