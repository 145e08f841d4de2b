package dev.sagents.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;

import dev.sagents.persistence.jdbc.JdbcTables;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.util.StreamUtils;

/**
 * Databases for the JDBC store's tests: an in-memory H2 per name, and one real PostgreSQL per test
 * JVM, started from the binaries of a Maven artifact (no Docker) on a free port of 127.0.0.1. Tests
 * keep apart by table prefix ({@link #uniquePrefix()}), which also exercises the prefix.
 */
public final class TestDatabases {

	private static final AtomicInteger prefixes = new AtomicInteger();

	private static EmbeddedPostgres postgres;

	private TestDatabases() {
	}

	/** An in-memory H2 database named {@code name}, alive until the JVM ends. */
	public static DataSource h2(String name) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
		return dataSource;
	}

	/** The PostgreSQL of this test JVM, started on first use and stopped when the JVM ends. */
	public static synchronized DataSource postgres() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder()
					.setPort(FreePorts.one())
					.setServerConfig("listen_addresses", "127.0.0.1")
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
			}
		}
		return postgres.getPostgresDatabase();
	}

	/** A table prefix no other test of this JVM uses. */
	public static String uniquePrefix() {
		return "T" + prefixes.incrementAndGet() + "_";
	}

	/** Creates the tables of {@code tables} with the script of {@code platform} ({@code h2}, {@code postgresql}). */
	public static JdbcTables createTables(DataSource dataSource, String platform, JdbcTables tables) {
		try {
			String script = StreamUtils.copyToString(
					new ClassPathResource("dev/sagents/persistence/jdbc/schema-" + platform + ".sql").getInputStream(),
					StandardCharsets.UTF_8);
			new ResourceDatabasePopulator(new ByteArrayResource(
					script.replace(JdbcTables.PREFIX_PLACEHOLDER, tables.prefix()).getBytes(StandardCharsets.UTF_8)))
				.execute(dataSource);
			return tables;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
