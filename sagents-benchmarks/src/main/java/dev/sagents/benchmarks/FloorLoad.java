package dev.sagents.benchmarks;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.core.env.Environment;

/**
 * PostgreSQL's floor for the persistence benchmark: plain JDBC upserts of a small state row, the
 * row sagents' JDBC store keeps per agent (the same columns, the same epoch check, a state as the
 * codec writes a {@code Long}), one row per transaction (autocommit), each worker a thread with its
 * own connection making one upsert after the other, so a worker is one outstanding write. The
 * workers of every JVM together are as many as the calls sagents keeps outstanding, and each
 * writes its own agents' rows (worker {@code w} of {@code n}: agents {@code w}, {@code w + n}, …),
 * as each agent has one call outstanding at most.
 */
final class FloorLoad {

	/** The protocol command a member answers with the rows its workers upserted ({@link HordeMember}). */
	static final String COMMAND = "floor";

	/** The floor's table: {@code <prefix>AGENT_STATE}'s columns (schema-postgresql.sql). */
	static final String TABLE = "BENCHMARK_FLOOR";

	private static final String UPSERT = "INSERT INTO " + TABLE
			+ " (AGENT_ID, EPOCH, STATE_TYPE, STATE_DATA, UPDATED_AT) VALUES (?, 1, ?, ?, ?)"
			+ " ON CONFLICT (AGENT_ID) DO UPDATE SET STATE_TYPE = EXCLUDED.STATE_TYPE,"
			+ " STATE_DATA = EXCLUDED.STATE_DATA, UPDATED_AT = EXCLUDED.UPDATED_AT"
			+ " WHERE " + TABLE + ".EPOCH <= EXCLUDED.EPOCH";

	private FloorLoad() {
	}

	/**
	 * Creates the floor's table with a row for each of {@code agents} agents, as sagents' table has
	 * one per agent once it started (its claim made it): the floor's upserts update, as sagents'
	 * writes do.
	 */
	static void createTable(Database database, int agents) throws SQLException {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS " + TABLE);
			statement.execute("CREATE TABLE " + TABLE + " (AGENT_ID VARCHAR(128) NOT NULL PRIMARY KEY, "
					+ "EPOCH BIGINT NOT NULL, STATE_TYPE VARCHAR(2000), STATE_DATA BYTEA, "
					+ "UPDATED_AT TIMESTAMP WITH TIME ZONE)");
			statement.execute("INSERT INTO " + TABLE + " SELECT 'agent-' || i, 1, '" + Long.class.getName()
					+ "', convert_to('0', 'UTF8'), now() FROM generate_series(0, " + (agents - 1) + ") AS i");
		}
	}

	/** The member's side of {@link #COMMAND}: runs the share its arguments give. */
	static HordeMember.Command command(Database database) {
		return (arguments) -> Long.toString(run(database, Share.parse(arguments)));
	}

	/**
	 * Runs the workers of {@code share} for its warm-up and its period; returns the upserts that
	 * completed in the period.
	 */
	static long run(Database database, Share share) throws Exception {
		ExecutorService workers = Executors.newFixedThreadPool(share.workers());
		try {
			long start = System.nanoTime();
			long measuredFrom = start + share.warmUp().toNanos();
			long end = measuredFrom + share.period().toNanos();
			List<Future<Long>> counts = new ArrayList<>();
			for (int worker = share.firstWorker(); worker < share.firstWorker() + share.workers(); worker++) {
				int first = worker;
				counts.add(workers.submit(() -> upsert(database, share, first, measuredFrom, end)));
			}
			long rows = 0;
			for (Future<Long> count : counts) {
				rows += count.get();
			}
			return rows;
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
		finally {
			workers.shutdownNow();
		}
	}

	/** One worker: upserts its agents' rows in turn until {@code end}; returns those done after {@code measuredFrom}. */
	private static long upsert(Database database, Share share, int worker, long measuredFrom, long end)
			throws SQLException {
		long rows = 0;
		long state = 0;
		try (Connection connection = database.connect(); PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
			connection.setAutoCommit(true);
			for (int agent = worker % share.agents(); System.nanoTime() - end < 0; agent = (agent + share.allWorkers())
					% share.agents()) {
				state++;
				upsert.setString(1, "agent-" + agent);
				upsert.setString(2, Long.class.getName());
				upsert.setBytes(3, Long.toString(state).getBytes(StandardCharsets.UTF_8));
				upsert.setTimestamp(4, Timestamp.from(Instant.now()));
				upsert.executeUpdate();
				if (System.nanoTime() - measuredFrom >= 0) {
					rows++;
				}
			}
		}
		return rows;
	}

	/** Where the floor writes, as plain JDBC connects. */
	record Database(String url, String user, String password) {

		/** The application's {@code spring.datasource.*}. */
		static Database of(Environment environment) {
			return new Database(environment.getRequiredProperty(BenchmarkApplication.DATASOURCE_URL),
					environment.getProperty("spring.datasource.username"),
					environment.getProperty("spring.datasource.password"));
		}

		Connection connect() throws SQLException {
			return DriverManager.getConnection(this.url, this.user, this.password);
		}

	}

	/**
	 * The workers {@code firstWorker} to {@code firstWorker + workers - 1} of {@code allWorkers}, over
	 * {@code agents} rows, for {@code warmUp} then the measured {@code period}.
	 */
	record Share(int firstWorker, int workers, int allWorkers, int agents, Duration warmUp, Duration period) {

		/** The member's command for this share. */
		String command() {
			return String.join(" ", COMMAND, Integer.toString(this.firstWorker), Integer.toString(this.workers),
					Integer.toString(this.allWorkers), Integer.toString(this.agents),
					Long.toString(this.warmUp.toMillis()), Long.toString(this.period.toMillis()));
		}

		static Share parse(String[] arguments) {
			return new Share(Integer.parseInt(arguments[0]), Integer.parseInt(arguments[1]),
					Integer.parseInt(arguments[2]), Integer.parseInt(arguments[3]),
					Duration.ofMillis(Long.parseLong(arguments[4])), Duration.ofMillis(Long.parseLong(arguments[5])));
		}

	}

}
