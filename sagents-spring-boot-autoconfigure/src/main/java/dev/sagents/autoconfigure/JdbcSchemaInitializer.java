package dev.sagents.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.sagents.persistence.jdbc.JdbcTables;

import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.util.StreamUtils;

/**
 * Creates the JDBC store's tables from the script in the jar for the database's platform, as
 * Spring Session JDBC does ({@code sagents.persistence.jdbc.initialize-schema}), with the table
 * prefix put in. A platform without a script is left alone: the check of the tables then says
 * what is missing. Being a {@link DataSourceScriptDatabaseInitializer}, it runs before the beans
 * that depend on database initialization.
 */
final class JdbcSchemaInitializer extends DataSourceScriptDatabaseInitializer {

	private final JdbcTables tables;

	JdbcSchemaInitializer(DataSource dataSource, SchemaInitialization mode, JdbcTables tables) {
		super(dataSource, settings(dataSource, mode));
		this.tables = tables;
	}

	private static DatabaseInitializationSettings settings(DataSource dataSource, SchemaInitialization mode) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setMode(switch (mode) {
			case EMBEDDED -> DatabaseInitializationMode.EMBEDDED;
			case ALWAYS -> DatabaseInitializationMode.ALWAYS;
			case NEVER -> DatabaseInitializationMode.NEVER;
		});
		if (mode != SchemaInitialization.NEVER) {
			settings.setSchemaLocations(new PlatformPlaceholderDatabaseDriverResolver().resolveAll(dataSource,
					"optional:" + JdbcTables.SCHEMA_LOCATION));
		}
		settings.setEncoding(StandardCharsets.UTF_8);
		return settings;
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
		super.runScripts(new Scripts(prefixed).continueOnError(scripts.isContinueOnError())
			.separator(scripts.getSeparator())
			.encoding(encoding));
	}

}
