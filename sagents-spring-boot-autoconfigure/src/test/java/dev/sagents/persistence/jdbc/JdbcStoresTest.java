package dev.sagents.persistence.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.sagents.codec.EncodedValue;
import dev.sagents.persistence.FileSystemStoreContract;
import dev.sagents.persistence.StateWrite;
import dev.sagents.persistence.StoredState;
import dev.sagents.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC store on H2 and on a real PostgreSQL: epochs grow with every activation, a write of an
 * older activation is refused and leaves the newer state, files are fenced by their scope's epoch.
 */
class JdbcStoresTest {

	static Stream<Arguments> databases() {
		return Stream.of(Arguments.of("h2", TestDatabases.h2("jdbc-stores")),
				Arguments.of("postgresql", TestDatabases.postgres()));
	}

	private static JdbcTables tables(String platform, DataSource dataSource) {
		return TestDatabases.createTables(dataSource, platform, new JdbcTables(TestDatabases.uniquePrefix()));
	}

	private static EncodedValue state(String text) {
		return new EncodedValue("java.lang.String", text.getBytes(StandardCharsets.UTF_8));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void everyClaimOfAnAgentGetsTheNextEpochWithTheStoredState(String platform, DataSource dataSource) {
		JdbcAgentStateStore store = new JdbcAgentStateStore(dataSource, tables(platform, dataSource));
		assertThat(store.read("a")).isEmpty();
		assertThat(store.claim("a")).isEqualTo(new StoredState(1, null));
		assertThat(store.write(List.of(new StateWrite("a", 1, state("one"))))).containsExactly(true);
		StoredState second = store.claim("a");
		assertThat(second.epoch()).isEqualTo(2);
		assertThat(second.state().type()).isEqualTo("java.lang.String");
		assertThat(second.state().data()).isEqualTo(state("one").data());
		assertThat(store.claim("b").epoch()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aWriteOfAnOlderActivationIsRefusedAndTheNewerStateStays(String platform, DataSource dataSource) {
		JdbcAgentStateStore store = new JdbcAgentStateStore(dataSource, tables(platform, dataSource));
		long old = store.claim("a").epoch();
		long current = store.claim("a").epoch();
		assertThat(store.write(List.of(new StateWrite("a", current, state("newer"))))).containsExactly(true);
		assertThat(store.write(List.of(new StateWrite("a", old, state("stale"))))).containsExactly(false);
		StoredState stored = store.read("a").orElseThrow();
		assertThat(stored.epoch()).isEqualTo(current);
		assertThat(stored.state().data()).isEqualTo(state("newer").data());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void oneBatchWritesTheCurrentActivationsAndRefusesTheOthersInOrder(String platform, DataSource dataSource) {
		JdbcAgentStateStore store = new JdbcAgentStateStore(dataSource, tables(platform, dataSource));
		store.claim("a");
		store.claim("b");
		store.claim("b");
		store.claim("c");
		boolean[] written = store.write(List.of(new StateWrite("a", 1, state("a1")), new StateWrite("b", 1, state("b1")),
				new StateWrite("c", 1, state("c1")), new StateWrite("never-claimed", 1, state("x"))));
		assertThat(written).containsExactly(true, false, true, false);
		assertThat(store.read("b").orElseThrow().state()).isNull();
		assertThat(store.read("never-claimed")).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void agentsClaimedTogetherEachGetTheirNextEpochWithTheirStoredStateAcrossChunks(String platform,
			DataSource dataSource) {
		JdbcAgentStateStore store = new JdbcAgentStateStore(dataSource, tables(platform, dataSource));
		store.claim("stored");
		assertThat(store.write(List.of(new StateWrite("stored", 1, state("kept"))))).containsExactly(true);
		List<String> ids = new ArrayList<>(List.of("stored"));
		for (int i = 0; i < JdbcEpochs.CLAIM_CHUNK + 10; i++) {
			ids.add("new-" + i);
		}

		Map<String, StoredState> claimed = store.claimAll(ids);

		assertThat(claimed).hasSize(ids.size());
		assertThat(claimed.get("stored").epoch()).isEqualTo(2);
		assertThat(claimed.get("stored").state().data()).isEqualTo(state("kept").data());
		assertThat(claimed.get("new-0")).isEqualTo(new StoredState(1, null));
		assertThat(claimed.get("new-" + (ids.size() - 2))).isEqualTo(new StoredState(1, null));
		// Claimed again, together: every epoch grows, and the older activation's write is refused.
		assertThat(store.claimAll(ids).values()).extracting(StoredState::epoch).containsOnly(2L, 3L);
		assertThat(store.write(List.of(new StateWrite("stored", 2, state("stale")), new StateWrite("new-0", 2, state("new")))))
			.containsExactly(false, true);
		assertThat(store.read("stored").orElseThrow().state().data()).isEqualTo(state("kept").data());
		assertThat(store.claimAll(List.of())).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void anAgentNamedTwiceInOneBatchIsClaimedOnce(String platform, DataSource dataSource) {
		JdbcAgentStateStore store = new JdbcAgentStateStore(dataSource, tables(platform, dataSource));

		assertThat(store.claimAll(List.of("twice", "once", "twice"))).containsOnlyKeys("twice", "once")
			.extractingByKey("twice")
			.isEqualTo(new StoredState(1, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void firstClaimsOfOneAgentAtOnceEachGetTheirOwnEpoch(String platform, DataSource dataSource) throws Exception {
		JdbcAgentStateStore store = new JdbcAgentStateStore(dataSource, tables(platform, dataSource));
		int claims = 8;
		ExecutorService threads = Executors.newFixedThreadPool(claims);
		try {
			List<Callable<Long>> tasks = new ArrayList<>();
			for (int i = 0; i < claims; i++) {
				tasks.add(() -> store.claim("race").epoch());
			}
			List<Long> epochs = new ArrayList<>();
			for (Future<Long> epoch : threads.invokeAll(tasks)) {
				epochs.add(epoch.get());
			}
			assertThat(epochs).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void filesAreWrittenUnderTheirScopesEpochAndAStaleOneChangesNothing(String platform, DataSource dataSource)
			throws IOException {
		FileSystemStoreContract.filesAreWrittenUnderTheirScopesEpochAndAStaleOneChangesNothing(
				new JdbcFileSystemStore(dataSource, tables(platform, dataSource)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void scopesClaimedTogetherEachGetTheirNextEpochAndAStaleOneChangesNothing(String platform, DataSource dataSource)
			throws IOException {
		FileSystemStoreContract.scopesClaimedTogetherEachGetTheirNextEpochAndAStaleOneChangesNothing(
				new JdbcFileSystemStore(dataSource, tables(platform, dataSource)), 50);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void scopesClaimedTogetherTakeOneTransactionPerChunkNotOnePerScope(String platform, DataSource dataSource) {
		JdbcTables tables = tables(platform, dataSource);
		AtomicInteger connections = new AtomicInteger();
		JdbcFileSystemStore store = new JdbcFileSystemStore(new DelegatingDataSource(dataSource) {
			@Override
			public Connection getConnection() throws SQLException {
				connections.incrementAndGet();
				return super.getConnection();
			}
		}, tables);
		store.claim("chunked:0");
		List<String> scopes = new ArrayList<>();
		for (int i = 0; i < JdbcEpochs.CLAIM_CHUNK + 10; i++) {
			scopes.add("chunked:" + i);
		}
		connections.set(0);

		Map<String, Long> claimed = store.claimAll(scopes);

		assertThat(connections).hasValue(2);
		assertThat(claimed).hasSize(scopes.size()).containsEntry("chunked:0", 2L).containsEntry("chunked:1", 1L);
		assertThat(claimed.get("chunked:" + (scopes.size() - 1))).isEqualTo(1L);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void theSchemaCheckNamesTheMissingTables(String platform, DataSource dataSource) {
		JdbcTables missing = new JdbcTables(TestDatabases.uniquePrefix());
		JdbcClient jdbc = JdbcClient.create(dataSource);
		assertThat(JdbcSchema.missingTables(jdbc, missing)).containsExactlyElementsOf(missing.all());
		assertThat(JdbcSchema.missingTables(jdbc, tables(platform, dataSource))).isEmpty();
	}

}
