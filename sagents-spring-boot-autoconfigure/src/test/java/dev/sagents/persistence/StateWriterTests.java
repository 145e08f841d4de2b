package dev.sagents.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.sagents.codec.EncodedValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the state writer does when its store fails a batch already on its way: whoever waits for
 * a write learns of the failure, and the writer goes on writing.
 */
class StateWriterTests {

	private static final long TIMEOUT_SECONDS = 30;

	private final ScriptedStore store = new ScriptedStore();

	private StateWriter writer;

	@AfterEach
	void close() {
		this.store.answers.add((writes) -> new boolean[writes.size()]);
		this.store.release.countDown();
		if (this.writer != null) {
			this.writer.close();
		}
	}

	private static StateWrite write(String agentId, String state) {
		return new StateWrite(agentId, 1, new EncodedValue("text", state.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void aFlushOfAWriteAlreadyOnItsWayFailsWithItsBatchInsteadOfWaitingForItsRetries() throws Exception {
		this.writer = new StateWriter(this.store, WriteMode.COALESCED, Duration.ofMillis(1));
		this.store.answers.add((writes) -> {
			throw new IllegalStateException("the database went away");
		});
		this.writer.write(write("a", "one"), false);
		assertThat(this.store.entered.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

		// The agent stops with the state on its way: its stop waits for that write.
		CompletableFuture<Void> flushed = this.writer.flush("a");
		this.store.release.countDown();

		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> flushed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
			.withCauseInstanceOf(IllegalStateException.class)
			.withMessageContaining("the database went away");
	}

	@Test
	void aStoreThatAnswersTooFewOutcomesFailsTheBatchAndTheWriterGoesOn() throws Exception {
		this.writer = new StateWriter(this.store, WriteMode.WRITE_THROUGH, Duration.ofMillis(1));
		this.store.release.countDown();
		this.store.answers.add((writes) -> new boolean[0]);
		this.store.answers.add((writes) -> {
			boolean[] written = new boolean[writes.size()];
			Arrays.fill(written, true);
			return written;
		});

		CompletableFuture<Void> first = this.writer.write(write("a", "one"), true);
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
			.withCauseInstanceOf(IllegalStateException.class)
			.withMessageContaining("answered 0 outcomes for 1 writes");

		CompletableFuture<Void> second = this.writer.write(write("a", "two"), true);
		second.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
	}

	/** A store whose writes wait for {@link #release}, then answer as scripted, one answer per batch. */
	private static final class ScriptedStore implements AgentStateStore {

		private final BlockingQueue<Function<List<StateWrite>, boolean[]>> answers = new LinkedBlockingQueue<>();

		private final CountDownLatch entered = new CountDownLatch(1);

		private final CountDownLatch release = new CountDownLatch(1);

		@Override
		public StoredState claim(String agentId) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Map<String, StoredState> claimAll(Collection<String> agentIds) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Optional<StoredState> read(String agentId) {
			return Optional.empty();
		}

		@Override
		public boolean[] write(List<StateWrite> writes) throws InterruptedException {
			this.entered.countDown();
			this.release.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			Function<List<StateWrite>, boolean[]> answer = this.answers.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			return answer.apply(writes);
		}

	}

}
