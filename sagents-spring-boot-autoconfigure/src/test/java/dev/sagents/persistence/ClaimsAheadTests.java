package dev.sagents.persistence;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;
import dev.sagents.codec.JsonMessageCodec;
import dev.sagents.codec.TrustedTypes;
import dev.sagents.persistence.jdbc.JdbcAgentStateStore;
import dev.sagents.persistence.jdbc.JdbcFileSystemStore;
import dev.sagents.persistence.jdbc.JdbcTables;
import dev.sagents.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Agents and file systems claimed ahead of their activations, together: each activation takes the
 * epoch claimed for it once, with no round trip of its own; one dropped or taken already is claimed
 * anew, higher. Claims asked for at once reach the store together, and a store without a way to
 * claim together claims each agent in turn.
 */
class ClaimsAheadTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final DataSource database = TestDatabases.h2("claims-ahead");

	private final RecordingStateStore store = new RecordingStateStore(new JdbcAgentStateStore(this.database,
			TestDatabases.createTables(this.database, "h2", new JdbcTables(TestDatabases.uniquePrefix()))));

	private final FencedAgentStorage storage = new FencedAgentStorage(this.store,
			new JsonMessageCodec(JsonMapper.builder().build(),
					new TrustedTypes(List.of("dev.sagents.persistence"), List.of(), ClaimsAheadTests.class.getClassLoader())),
			new StateWriter(this.store, WriteMode.WRITE_THROUGH, Duration.ofMillis(100)), 1024);

	@AfterEach
	void close() {
		this.storage.close();
	}

	@Test
	void eachActivationTakesTheEpochClaimedAheadForItOnceWithoutARoundTrip() throws Exception {
		this.storage.claimAhead(List.of("a", "b", "c"));
		assertThat(this.store.claimsTogether()).isEqualTo(1);

		assertThat(this.storage.activate("a", String.class, (stale) -> { }).epoch()).isEqualTo(1);
		assertThat(this.storage.activate("b", String.class, (stale) -> { }).epoch()).isEqualTo(1);
		assertThat(this.store.claims()).isZero();

		// Taken once: the next activation of a claims for itself, and gets a higher epoch.
		assertThat(this.storage.activate("a", String.class, (stale) -> { }).epoch()).isEqualTo(2);
		// Dropped (c did not start here): its activation claims anew, above the dropped epoch.
		this.storage.dropClaimAhead("c");
		assertThat(this.storage.activate("c", String.class, (stale) -> { }).epoch()).isEqualTo(2);
		assertThat(this.store.claims()).isEqualTo(2);
	}

	@Test
	void ofTwoClaimsOfOneKeyAheadTheNewerEpochIsKeptWhicheverArrivesLast() throws Exception {
		// Two calls of the store at once: the one that granted the older epoch answers last.
		List<Long> granted = new CopyOnWriteArrayList<>(List.of(5L, 4L));
		ClaimsAhead<Long> claims = new ClaimsAhead<>((keys) -> Map.of("a", granted.remove(0)), Long::longValue);
		claims.claim(List.of("a"));
		claims.claim(List.of("a"));
		assertThat(claims.take("a")).isEqualTo(5L);
	}

	@Test
	void eachFileSystemActivationTakesTheEpochClaimedAheadForItOnceWithoutARoundTrip() throws Exception {
		RecordingFileSystemStore files = new RecordingFileSystemStore(new JdbcFileSystemStore(this.database,
				TestDatabases.createTables(this.database, "h2", new JdbcTables(TestDatabases.uniquePrefix()))));
		FileSystemStorage storage = FileSystemStorage.fenced(files);
		storage.claimAhead(List.of("user:a", "user:b", "user:c"));
		assertThat(files.claimsTogether()).isEqualTo(1);

		FileSystemActivation a = storage.activate("user:a");
		assertThat(a.epoch()).isEqualTo(1);
		assertThat(storage.activate("user:b").epoch()).isEqualTo(1);
		assertThat(files.claims()).isZero();
		// The epoch taken is the one the store granted: the activation writes under it.
		a.files().write("user:a", "notes.md", new byte[] { 1 });

		assertThat(storage.activate("user:a").epoch()).isEqualTo(2);
		storage.dropClaimAhead("user:c");
		assertThat(storage.activate("user:c").epoch()).isEqualTo(2);
		assertThat(files.claims()).isEqualTo(2);
	}

	@Test
	void claimsAskedForWhileAnotherIsUnderWayReachTheStoreTogether() throws Exception {
		CountDownLatch inStore = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger calls = new AtomicInteger();
		AgentStateStore held = new InMemoryStore() {
			@Override
			public Map<String, StoredState> claimAll(Collection<String> agentIds) throws Exception {
				if (calls.incrementAndGet() == 1) {
					inStore.countDown();
					release.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
				}
				return super.claimAll(agentIds);
			}
		};
		ClaimsTogether<StoredState> together = new ClaimsTogether<>(held::claimAll, 1);
		ExecutorService threads = Executors.newFixedThreadPool(6);
		try {
			Future<Map<String, StoredState>> first = threads.submit(() -> together.claim(List.of("first")));
			assertThat(inStore.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
			List<Future<Map<String, StoredState>>> queued = List.of(threads.submit(() -> together.claim(List.of("q1", "q2"))),
					threads.submit(() -> together.claim(List.of("q3"))), threads.submit(() -> together.claim(List.of("q4"))));
			await().atMost(TIMEOUT).until(() -> together.queued() == 3);
			release.countDown();

			assertThat(first.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).containsOnlyKeys("first");
			assertThat(queued.get(0).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).containsOnlyKeys("q1", "q2");
			assertThat(queued.get(1).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).containsOnlyKeys("q3");
			assertThat(queued.get(2).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).containsOnlyKeys("q4");
			assertThat(calls).hasValue(2);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aStoreWithoutClaimsTogetherClaimsEachAgentInTurn() throws Exception {
		InMemoryStore plain = new InMemoryStore();
		plain.claim("seen");

		Map<String, StoredState> claimed = plain.claimAll(List.of("seen", "new"));

		assertThat(claimed).containsEntry("seen", new StoredState(2, null)).containsEntry("new", new StoredState(1, null));
		assertThat(plain.claims).hasValue(3);
	}

	/** A store that only claims one agent at a time: {@link AgentStateStore#claimAll} is the default. */
	private static class InMemoryStore implements AgentStateStore {

		final AtomicInteger claims = new AtomicInteger();

		private final Map<String, Long> epochs = new ConcurrentHashMap<>();

		@Override
		public StoredState claim(String agentId) {
			this.claims.incrementAndGet();
			return new StoredState(this.epochs.merge(agentId, 1L, Long::sum), null);
		}

		@Override
		public Optional<StoredState> read(String agentId) {
			return Optional.ofNullable(this.epochs.get(agentId)).map((epoch) -> new StoredState(epoch, null));
		}

		@Override
		public boolean[] write(List<StateWrite> writes) {
			return new boolean[writes.size()];
		}

	}

}
