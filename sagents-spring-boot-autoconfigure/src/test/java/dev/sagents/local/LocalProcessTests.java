package dev.sagents.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.sagents.process.ProcessKey;
import dev.sagents.supervisor.ExitReason;
import dev.sagents.supervisor.RestartIntensity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.fail;

/**
 * A process is registered (and so reachable) a moment before it starts: a message that arrives in
 * that moment must wait for {@code init}, not break the start. The executor here runs tasks only
 * when the test says, so the order is exact.
 */
class LocalProcessTests {

	private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final LocalProcessRuntime runtime = new LocalProcessRuntime("node", this.tasks::add);

	@AfterEach
	void closeRuntime() {
		this.runtime.close();
	}

	@Test
	void messageArrivingBeforeStartIsHandledAfterInit() {
		Recorder process = new Recorder(this.runtime);
		CompletableFuture<String> reply = process.call("early", String.class, Duration.ofSeconds(30));
		runQueuedTasks();

		process.start();
		runQueuedTasks();

		assertThat(reply).isCompletedWithValue("handled early");
		assertThat(process.steps).containsExactly("init", "early");
	}

	@Test
	void stopRequestedBeforeStartEndsTheProcessOnceStarted() {
		Recorder process = new Recorder(this.runtime);
		CompletableFuture<ExitReason> ended = process.requestStop(ExitReason.SHUTDOWN);
		runQueuedTasks();
		assertThat(ended).isNotDone();

		process.start();
		runQueuedTasks();

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
		CompletableFuture<Object> reply = process.deliver(encoded);
		assertThat(decodedOn).as("not decoded by the thread that delivered it").isEmpty();
		runQueuedTasks();

		assertThat(reply).isCompletedWithValue("handled decoded");
		assertThat(encoded.decoded()).isEqualTo("decoded");
		assertThat(process.steps).containsExactly("init", "first", "decoded");
	}

	@Test
	void aMessageThatCannotBeDecodedFailsItsCallAndTheProcessGoesOn() {
		Recorder process = new Recorder(this.runtime);
		process.start();
		CompletableFuture<Object> reply = process.deliver(new EncodedMessage(() -> {
			throw new IllegalArgumentException("not a message");
		}));
		process.cast(new EncodedMessage(() -> {
			throw new IllegalArgumentException("not a message either");
		}));
		CompletableFuture<Object> next = process.deliver("next");
		runQueuedTasks();

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
		runQueuedTasks();
		process.cast(new EncodedMessage(() -> "late"));
		runQueuedTasks();

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

	/** Runs the tasks queued, and those they queue; a process that keeps rescheduling itself fails. */
	private void runQueuedTasks() {
		for (int run = 0; run < 100; run++) {
			Runnable task = this.tasks.poll();
			if (task == null) {
				return;
			}
			task.run();
		}
		fail("The process keeps scheduling itself without handling anything");
	}

	/** Records what ran, in order. */
	private static final class Recorder extends LocalProcess {

		private final List<String> steps = new ArrayList<>();

		private final List<Object> undelivered = new ArrayList<>();

		Recorder(LocalProcessRuntime runtime) {
			super(ProcessKey.agent("recorder"), runtime);
		}

		@Override
		protected void init() {
			this.steps.add("init");
		}

		@Override
		protected Object handle(Object message) {
			this.steps.add(String.valueOf(message));
			return "handled " + message;
		}

		@Override
		protected void terminate(ExitReason reason) {
			this.steps.add("terminate " + reason);
		}

		@Override
		protected RestartIntensity restartIntensity() {
			return RestartIntensity.defaults();
		}

		@Override
		protected void ended(ExitReason reason, Throwable error) {
		}

		@Override
		protected void undelivered(Object message) {
			this.undelivered.add(message);
		}

	}

}
