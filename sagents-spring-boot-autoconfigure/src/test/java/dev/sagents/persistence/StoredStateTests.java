package dev.sagents.persistence;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;
import dev.sagents.agent.AgentPersistence.PersistencePoint;
import dev.sagents.codec.JsonMessageCodec;
import dev.sagents.codec.MessageCodec;
import dev.sagents.codec.TrustedTypes;
import dev.sagents.persistence.jdbc.JdbcAgentStateStore;
import dev.sagents.persistence.jdbc.JdbcTables;
import dev.sagents.process.StaleActivationException;
import dev.sagents.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A stop or a crash of an agent whose state is stored already costs no write: in write-through
 * nothing is written again, in coalesced the stop waits for the write still pending, and a state
 * the store does not have yet is written as before. With a coalesce delay of a minute, only a
 * write someone waits for makes a batch go: it goes at once even while others wait for the delay,
 * and takes them along; an agent's changes that replaced each other are refused, when a newer
 * activation claimed the agent on another node, as one write that stops the stale activation once.
 */
class StoredStateTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final DataSource database = TestDatabases.h2("stored-state");

	private final RecordingStateStore store = new RecordingStateStore(new JdbcAgentStateStore(this.database,
			TestDatabases.createTables(this.database, "h2", new JdbcTables(TestDatabases.uniquePrefix()))));

	private final MessageCodec codec = new JsonMessageCodec(JsonMapper.builder().build(),
			new TrustedTypes(List.of("dev.sagents.persistence"), List.of(), StoredStateTests.class.getClassLoader()));

	private FencedAgentStorage storage;

	/** Another node's storage on the same store, with a writer of its own. */
	private FencedAgentStorage otherNode;

	@AfterEach
	void close() {
		this.store.open();
		if (this.storage != null) {
			this.storage.close();
		}
		if (this.otherNode != null) {
			this.otherNode.close();
		}
	}

	private FencedAgentStorage storage(WriteMode mode) {
		this.storage = newStorage(mode);
		return this.storage;
	}

	/** The state writers' threads running now, of every storage of this JVM's tests. */
	private static Set<Thread> writerThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("sagents-state-writer"))
			.collect(Collectors.toSet());
	}

	/** Persists {@code state} as {@code activation}'s stop does, on another thread. */
	private static CompletableFuture<Void> stopAsync(AgentActivation activation, String state) {
		return CompletableFuture.runAsync(() -> {
			try {
				activation.persist(state, PersistencePoint.ON_SHUTDOWN);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private FencedAgentStorage newStorage(WriteMode mode) {
		return new FencedAgentStorage(this.store, this.codec, new StateWriter(this.store, mode, Duration.ofMinutes(1)),
				1024);
	}

	@Test
	void writeThroughStopsAndCrashesWithTheStoredStateWriteNothingAgain() throws Exception {
		AgentActivation activation = storage(WriteMode.WRITE_THROUGH).activate("a", String.class, (stale) -> { });
		activation.persist("one", PersistencePoint.ON_CHANGE);
		assertThat(this.store.writesOf("a")).isEqualTo(1);

		activation.persist("one", PersistencePoint.ON_ERROR);
		activation.persist("one", PersistencePoint.ON_SHUTDOWN);

		assertThat(this.store.writesOf("a")).isEqualTo(1);
		assertThat(this.store.stored("a", this.codec)).isEqualTo("one");
	}

	@Test
	void aStopWithTheLoadedStateWritesNothingAndAnotherStateIsWritten() throws Exception {
		FencedAgentStorage storage = storage(WriteMode.WRITE_THROUGH);
		storage.activate("a", String.class, (stale) -> { }).persist("loaded", PersistencePoint.ON_CHANGE);
		AgentActivation next = storage.activate("a", String.class, (stale) -> { });
		assertThat(next.load()).contains("loaded");

		next.persist("loaded", PersistencePoint.ON_SHUTDOWN);
		assertThat(this.store.writesOf("a")).isEqualTo(1);
		next.persist("changed", PersistencePoint.ON_SHUTDOWN);

		assertThat(this.store.writesOf("a")).isEqualTo(2);
		assertThat(this.store.stored("a", this.codec)).isEqualTo("changed");
	}

	@Test
	void aCoalescedStopWithThePendingStateWaitsForItsOneWrite() throws Exception {
		AgentActivation activation = storage(WriteMode.COALESCED).activate("a", String.class, (stale) -> { });
		this.store.close();
		activation.persist("pending", PersistencePoint.ON_CHANGE);

		CompletableFuture<Void> stopped = stopAsync(activation, "pending");
		// The coalesce delay is a minute: only the stop makes the pending write go now.
		assertThat(this.store.awaitHeldWrite()).isTrue();
		assertThat(stopped).isNotDone();
		this.store.open();
		stopped.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

		assertThat(this.store.writesOf("a")).isEqualTo(1);
		assertThat(this.store.stored("a", this.codec)).isEqualTo("pending");
	}

	@Test
	void aWriteSomeoneWaitsForGoesAtOnceWhileOthersWaitForTheDelayAndTakesThemAlong() throws Exception {
		Set<Thread> others = writerThreads();
		AgentActivation changed = storage(WriteMode.COALESCED).activate("changed", String.class, (stale) -> { });
		Set<Thread> started = writerThreads();
		started.removeAll(others);
		assertThat(started).hasSize(1);
		Thread writer = started.iterator().next();
		AgentActivation stopping = this.storage.activate("stopping", String.class, (stale) -> { });
		changed.persist("pending", PersistencePoint.ON_CHANGE);
		// The writer woke for the first pending write, found it not due, and waits for the delay.
		await().atMost(TIMEOUT).until(() -> writer.getState() == Thread.State.TIMED_WAITING);

		CompletableFuture<Void> stopped = stopAsync(stopping, "last");

		stopped.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(this.store.stored("stopping", this.codec)).isEqualTo("last");
		assertThat(this.store.stored("changed", this.codec)).isEqualTo("pending");
	}

	@Test
	void changesThatReplacedEachOtherAreRefusedAsOneWriteThatStopsTheStaleActivationOnce() throws Exception {
		AtomicInteger refusals = new AtomicInteger();
		AgentActivation stale = storage(WriteMode.COALESCED).activate("a", String.class,
				(refused) -> refusals.incrementAndGet());
		stale.persist("one", PersistencePoint.ON_CHANGE);
		stale.persist("two", PersistencePoint.ON_CHANGE);
		stale.persist("three", PersistencePoint.ON_CHANGE);
		this.otherNode = newStorage(WriteMode.COALESCED);
		AgentActivation newer = this.otherNode.activate("a", String.class, (refused) -> { });
		newer.persist("newer", PersistencePoint.ON_SHUTDOWN);

		assertThatThrownBy(() -> stale.persist("three", PersistencePoint.ON_SHUTDOWN))
			.isInstanceOf(StaleActivationException.class);
		// Closing stops the writer's thread, which told the activation of the refusal before.
		this.storage.close();

		assertThat(refusals).hasValue(1);
		assertThat(this.store.writesOf("a")).isEqualTo(2);
		assertThat(this.store.stored("a", this.codec)).isEqualTo("newer");
	}

}
