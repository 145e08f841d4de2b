package dev.sagents.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.sagents.persistence.jdbc.JdbcSchema;
import dev.sagents.persistence.jdbc.JdbcTables;
import dev.sagents.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several nodes starting at once on an empty PostgreSQL each create the JDBC store's tables: the
 * {@code CREATE TABLE IF NOT EXISTS} of one can lose to another's (PostgreSQL then reports a
 * duplicate key of its catalog, not "exists"), and every node still starts with the tables there.
 */
class JdbcSchemaInitializerTest {

	private static final int NODES = 6;

	private static final int ROUNDS = 5;

	@Test
	void nodesCreatingTheTablesAtOnceAllSucceed() throws Exception {
		DataSource database = TestDatabases.postgres();
		ExecutorService threads = Executors.newFixedThreadPool(NODES);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				JdbcTables tables = new JdbcTables(TestDatabases.uniquePrefix());
				CyclicBarrier together = new CyclicBarrier(NODES);
				List<Future<Boolean>> nodes = new ArrayList<>();
				for (int node = 0; node < NODES; node++) {
					nodes.add(threads.submit(() -> {
						JdbcSchemaInitializer initializer = JdbcSchemaInitializer.of(database, SchemaInitialization.ALWAYS,
								tables);
						together.await(10, TimeUnit.SECONDS);
						return initializer.initializeDatabase();
					}));
				}
				for (Future<Boolean> node : nodes) {
					assertThat(node.get(30, TimeUnit.SECONDS)).isTrue();
				}
				assertThat(JdbcSchema.missingTables(JdbcClient.create(database), tables)).isEmpty();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

}
