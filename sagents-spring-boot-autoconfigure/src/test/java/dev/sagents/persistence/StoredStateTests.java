package dev.sagents.persistence;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;
import dev.sagents.agent.AgentPersistence.PersistencePoint;
import dev.sagents.codec.JsonMessageCodec;
import dev.sagents.codec.MessageCodec;
import dev.sagents.codec.TrustedTypes;
import dev.sagents.persistence.jdbc.JdbcAgentStateStore;
import dev.sagents.persistence.jdbc.JdbcTables;
import dev.sagents.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stop or a crash of an agent whose state is stored already costs no write: in write-through
 * nothing is written again, in coalesced the stop waits for the write still pending, and a state
 * the store does not have yet is written as before.
 */
class StoredStateTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final DataSource database = TestDatabases.h2("stored-state");

	private final RecordingStateStore store = new RecordingStateStore(new JdbcAgentStateStore(this.database,
			TestDatabases.createTables(this.database, "h2", new JdbcTables(TestDatabases.uniquePrefix()))));

	private final MessageCodec codec = new JsonMessageCodec(JsonMapper.builder().build(),
			new TrustedTypes(List.of("dev.sagents.persistence"), List.of(), StoredStateTests.class.getClassLoader()));

	private FencedAgentStorage storage;

	@AfterEach
	void close() {
		this.store.open();
		if (this.storage != null) {
			this.storage.close();
		}
	}

	private FencedAgentStorage storage(WriteMode mode) {
		this.storage = new FencedAgentStorage(this.store, this.codec,
				new StateWriter(this.store, mode, Duration.ofMinutes(1)), 1024);
		return this.storage;
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

		CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
			try {
				activation.persist("pending", PersistencePoint.ON_SHUTDOWN);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		// The coalesce delay is a minute: only the stop makes the pending write go now.
		assertThat(this.store.awaitHeldWrite()).isTrue();
		assertThat(stopped).isNotDone();
		this.store.open();
		stopped.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

		assertThat(this.store.writesOf("a")).isEqualTo(1);
		assertThat(this.store.stored("a", this.codec)).isEqualTo("pending");
	}

}
