package dev.sagents.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.persistence.jdbc.JdbcTables;

import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.datasource.init.ScriptException;
import org.springframework.util.StreamUtils;

/**
 * Creates the JDBC store's tables from the script in the jar for the database's platform, as
 * Spring Session JDBC does ({@code sagents.persistence.jdbc.initialize-schema}), with the table
 * prefix put in. A platform without a script is left alone: the check of the tables then says
 * what is missing. Being a {@link DataSourceScriptDatabaseInitializer}, it runs before the beans
 * that depend on database initialization.
 *
 * <p>Nodes that start together on an empty database each run the scripts: one node's
 * {@code CREATE TABLE IF NOT EXISTS} can lose to another's that is not committed yet, and
 * PostgreSQL then reports a duplicate key of its catalog instead of finding the table. Such a
 * script runs again (it creates only what is missing), up to {@value #ATTEMPTS} times.
 */
final class JdbcSchemaInitializer extends DataSourceScriptDatabaseInitializer {

	private static final Logger logger = LoggerFactory.getLogger(JdbcSchemaInitializer.class);

	/** How many times the scripts run when other nodes create the same tables at the same time: more than the tables. */
	private static final int ATTEMPTS = 5;

	/** The SQL states of an object that another session created meanwhile: a unique violation, a duplicate table, a duplicate type. */
	private static final Set<String> CREATED_MEANWHILE = Set.of("23505", "42P07", "42710");

	private final JdbcTables tables;

	/** Why the database could not be asked which platform it is, or {@code null}. */
	private final RuntimeException unreachable;

	private JdbcSchemaInitializer(DataSource dataSource, DatabaseInitializationSettings settings, JdbcTables tables,
			RuntimeException unreachable) {
		super(dataSource, settings);
		this.tables = tables;
		this.unreachable = unreachable;
	}

	/**
	 * An initializer of {@code tables} in {@code dataSource}, which it asks for its platform now; a
	 * database that cannot be reached is left alone (logged when the initializer runs), so that the
	 * application starts, and its calls that must write fail with
	 * {@code PersistenceUnavailableException} until the database is back.
	 */
	static JdbcSchemaInitializer of(DataSource dataSource, SchemaInitialization mode, JdbcTables tables) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setMode(switch (mode) {
			case EMBEDDED -> DatabaseInitializationMode.EMBEDDED;
			case ALWAYS -> DatabaseInitializationMode.ALWAYS;
			case NEVER -> DatabaseInitializationMode.NEVER;
		});
		settings.setEncoding(StandardCharsets.UTF_8);
		RuntimeException unreachable = null;
		if (mode != SchemaInitialization.NEVER) {
			try {
				settings.setSchemaLocations(new PlatformPlaceholderDatabaseDriverResolver().resolveAll(dataSource,
						"optional:" + JdbcTables.SCHEMA_LOCATION));
			}
			catch (RuntimeException ex) {
				unreachable = ex;
			}
		}
		return new JdbcSchemaInitializer(dataSource, settings, tables, unreachable);
	}

	@Override
	public boolean initializeDatabase() {
		if (this.unreachable != null) {
			logger.warn("sagents' JDBC store did not create its tables: the database could not be reached ({}). Agent"
					+ " and file-system calls that must store fail with persistence-unavailable until it is back;"
					+ " restart once it is, or create the tables yourself",
					NestedExceptionUtils.getMostSpecificCause(this.unreachable).getMessage());
			return false;
		}
		return super.initializeDatabase();
	}

	/** The scripts with the table prefix put in. */
	@Override
	protected void runScripts(Scripts scripts) {
		Charset encoding = (scripts.getEncoding() != null) ? scripts.getEncoding() : StandardCharsets.UTF_8;
		List<Resource> prefixed = new ArrayList<>();
		for (Resource script : scripts) {
			try {
				String sql = StreamUtils.copyToString(script.getInputStream(), encoding)
					.replace(JdbcTables.PREFIX_PLACEHOLDER, this.tables.prefix());
				prefixed.add(new ByteArrayResource(sql.getBytes(encoding), script.getDescription()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read " + script.getDescription(), ex);
			}
		}
		Scripts toRun = new Scripts(prefixed).continueOnError(scripts.isContinueOnError())
			.separator(scripts.getSeparator())
			.encoding(encoding);
		for (int attempt = 1;; attempt++) {
			try {
				super.runScripts(toRun);
				return;
			}
			catch (ScriptException ex) {
				if (attempt == ATTEMPTS || !createdMeanwhile(ex)) {
					throw ex;
				}
				logger.debug("Another node created sagents' tables at the same time; creating what is missing again", ex);
			}
		}
	}

	private static boolean createdMeanwhile(ScriptException ex) {
		return NestedExceptionUtils.getMostSpecificCause(ex) instanceof SQLException cause
				&& CREATED_MEANWHILE.contains(cause.getSQLState());
	}

}
