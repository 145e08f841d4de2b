package dev.sagents.local;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.sagents.codec.Transit;
import dev.sagents.metrics.micrometer.MicrometerSagentsMetrics;
import dev.sagents.observation.SagentsObservations;
import dev.sagents.process.MailboxFullException;
import dev.sagents.process.MessageTooLargeException;
import dev.sagents.process.ProcessKey;
import dev.sagents.supervisor.ExitReason;
import dev.sagents.testsupport.ManualExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A mailbox holds at most its capacity of messages from senders: over it, a cast throws and a
 * call fails with {@link MailboxFullException}, each counted; the host's own work and stops still
 * get through. The executor runs tasks only when the test says, so the queue stays as filled.
 */
class MailboxCapacityTests {

	private static final int CAPACITY = 3;

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ManualExecutor executor = new ManualExecutor();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final LocalProcessRuntime runtime = new LocalProcessRuntime("node", this.executor, Transit.unchecked(),
			new MicrometerSagentsMetrics(this.meters), CAPACITY, SagentsObservations.NONE);

	private final Handled process = new Handled(this.runtime);

	@AfterEach
	void closeRuntime() {
		this.runtime.close();
	}

	@Test
	void castsAndCallsOverTheCapacityAreRefusedTypedAndCounted() {
		this.process.start();
		for (int i = 0; i < CAPACITY; i++) {
			this.process.cast("m" + i);
		}
		assertThat(this.process.depth()).isEqualTo(CAPACITY);

		assertThatThrownBy(() -> this.process.cast("over")).isInstanceOfSatisfying(MailboxFullException.class,
				(full) -> {
					assertThat(full.key()).isEqualTo(this.process.key());
					assertThat(full.capacity()).isEqualTo(CAPACITY);
				});
		CompletableFuture<String> call = this.process.call("over", String.class, TIMEOUT);
		assertThat(call).isCompletedExceptionally();
		assertThatThrownBy(call::join).hasCauseInstanceOf(MailboxFullException.class);
		assertThatThrownBy(() -> this.process.callAndWait("over", String.class, TIMEOUT))
			.isInstanceOf(MailboxFullException.class);

		assertThat(refusals()).isEqualTo(3);
		assertThat(this.meters.get("sagents.casts").tag("location", "local").tag("outcome", "refused").counter().count())
			.isEqualTo(1);
		this.executor.runQueued();
		assertThat(this.process.handled).containsExactly("m0", "m1", "m2");
	}

	@Test
	void aCastFromAnotherMemberOverTheCapacityIsDroppedAndCountedWithoutThrowing() {
		this.process.start();
		for (int i = 0; i < CAPACITY; i++) {
			Delivery.cast(this.process, "m" + i, null);
		}
		Delivery.cast(this.process, "over", null);

		assertThat(this.process.depth()).isEqualTo(CAPACITY);
		assertThat(refusals()).isEqualTo(1);
		assertThat(this.meters.find("sagents.casts").counters().stream().mapToDouble(Counter::count).sum())
			.as("counted where it was cast, not here")
			.isZero();
		this.executor.runQueued();
		assertThat(this.process.handled).containsExactly("m0", "m1", "m2");
	}

	@Test
	void aRefusalIsCheapToMakeYetSaysWhatWasRefused() {
		this.process.start();
		for (int i = 0; i < CAPACITY; i++) {
			this.process.cast("m" + i);
		}
		assertThatThrownBy(() -> this.process.cast("over")).isInstanceOfSatisfying(MailboxFullException.class,
				(full) -> {
					assertThat(full.getStackTrace()).as("no stack trace built per refusal").isEmpty();
					assertThat(full).hasMessage("The mailbox of 'agent:full' is full (3 messages queued); try again later");
				});
		assertThat(new MessageTooLargeException(2048, 1024).getStackTrace()).isEmpty();
	}

	@Test
	void aMailboxThatWasFullTakesMessagesAgainOnceHandled() {
		this.process.start();
		for (int i = 0; i < CAPACITY; i++) {
			this.process.cast("m" + i);
		}
		this.executor.runQueued();
		CompletableFuture<String> call = this.process.call("after", String.class, TIMEOUT);
		this.executor.runQueued();
		assertThat(call).isCompletedWithValue("handled after");
		assertThat(refusals()).isZero();
	}

	@Test
	void theHostsOwnWorkAndStopsAreNeverRefused() {
		this.process.start();
		for (int i = 0; i < CAPACITY; i++) {
			this.process.cast("m" + i);
		}
		AtomicInteger controls = new AtomicInteger();
		this.process.control(controls::incrementAndGet);
		assertThat(this.process.depth()).isEqualTo(CAPACITY + 1);
		CompletableFuture<ExitReason> ended = this.process.requestStop(ExitReason.SHUTDOWN);
		this.executor.runQueued();
		assertThat(ended).isCompletedWithValue(ExitReason.SHUTDOWN);
		assertThat(this.process.depth()).isZero();
		assertThat(refusals()).isZero();
	}

	@Test
	void concurrentSendersGetExactlyTheCapacityQueued() throws Exception {
		LocalProcessRuntime wide = new LocalProcessRuntime("node", this.executor, Transit.unchecked(),
				new MicrometerSagentsMetrics(this.meters), 100, SagentsObservations.NONE);
		Handled target = new Handled(wide);
		target.start();
		int senders = 8;
		int each = 1_000;
		AtomicInteger accepted = new AtomicInteger();
		ExecutorService threads = Executors.newFixedThreadPool(senders);
		try {
			List<Future<?>> sent = new CopyOnWriteArrayList<>();
			for (int s = 0; s < senders; s++) {
				sent.add(threads.submit(() -> {
					for (int i = 0; i < each; i++) {
						try {
							target.cast("m");
							accepted.incrementAndGet();
						}
						catch (MailboxFullException ex) {
							// Refused: counted below.
						}
					}
				}));
			}
			for (Future<?> future : sent) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
			wide.close();
		}
		assertThat(accepted).hasValue(100);
		assertThat(target.depth()).isEqualTo(100);
		assertThat(refusals()).isEqualTo(senders * each - 100);
		this.executor.runQueued();
		assertThat(target.handled).hasSize(100);
	}

	private double refusals() {
		return this.meters.get("sagents.limit.refusals").tag("limit", "mailbox").tag("kind", "agent").counter().count();
	}

	/** Records what it handled, in order. */
	private static final class Handled extends StubProcess {

		private final List<String> handled = new CopyOnWriteArrayList<>();

		Handled(LocalProcessRuntime runtime) {
			super(ProcessKey.agent("full"), runtime);
		}

		@Override
		protected Object handle(Object message) {
			this.handled.add(String.valueOf(message));
			return "handled " + message;
		}

		void control(Runnable action) {
			enqueueControl(action);
		}
	}

}
