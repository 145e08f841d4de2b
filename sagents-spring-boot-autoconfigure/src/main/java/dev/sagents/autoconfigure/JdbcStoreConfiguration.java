package dev.sagents.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.agent.AgentPersistence;
import dev.sagents.filesystem.FileSystemPersistence;
import dev.sagents.persistence.AgentStateStore;
import dev.sagents.persistence.FileSystemStore;
import dev.sagents.persistence.jdbc.JdbcAgentStateStore;
import dev.sagents.persistence.jdbc.JdbcFileSystemStore;
import dev.sagents.persistence.jdbc.JdbcSchema;
import dev.sagents.persistence.jdbc.JdbcTables;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code sagents.persistence.store=jdbc}: agent state and files in the application's
 * {@link DataSource}, fenced. The tables are created as {@code initialize-schema} says
 * ({@link JdbcSchemaInitializer}) and checked at startup: a missing one stops it with a report
 * that names {@code sagents.persistence.jdbc.initialize-schema}. The settings check made sure
 * Spring JDBC and a {@code DataSource} are there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sagents.persistence.store", havingValue = "jdbc")
@ConditionalOnClass(name = { "org.springframework.jdbc.core.simple.JdbcClient",
		"org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer" })
class JdbcStoreConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(JdbcStoreConfiguration.class);

	static final String INITIALIZE_SCHEMA = "sagents.persistence.jdbc.initialize-schema";

	@Bean
	JdbcSchemaInitializer sagentsJdbcSchemaInitializer(DataSource dataSource, SagentsPersistenceProperties properties) {
		SagentsPersistenceProperties.Jdbc jdbc = properties.getJdbc();
		return JdbcSchemaInitializer.of(dataSource, jdbc.getInitializeSchema(), new JdbcTables(jdbc.getTablePrefix()));
	}

	/**
	 * The tables, once checked: after every database initialization (this store's, and the
	 * application's Flyway or Liquibase, which may create them instead).
	 */
	@Bean
	@DependsOnDatabaseInitialization
	JdbcTables sagentsJdbcTables(DataSource dataSource, JdbcSchemaInitializer initializer,
			SagentsPersistenceProperties properties) {
		SagentsPersistenceProperties.Jdbc jdbc = properties.getJdbc();
		JdbcTables tables = new JdbcTables(jdbc.getTablePrefix());
		List<String> missing;
		try {
			missing = JdbcSchema.missingTables(JdbcClient.create(dataSource), tables);
		}
		catch (DataAccessException ex) {
			logger.warn("Could not check the tables of sagents' JDBC store: the database could not be reached ({})."
					+ " Agent and file-system calls that must store fail with persistence-unavailable until it is back",
					ex.getMostSpecificCause().getMessage());
			return tables;
		}
		if (!missing.isEmpty()) {
			throw new InvalidSagentsPropertyException(INITIALIZE_SCHEMA,
					jdbc.getInitializeSchema().name().toLowerCase(),
					"'always' to create the tables at startup, or create them yourself from "
							+ JdbcTables.SCHEMA_LOCATION.replace("@@platform@@", "<platform>") + " ("
							+ JdbcTables.PREFIX_PLACEHOLDER + " = " + tables.prefix() + "); missing: "
							+ String.join(", ", missing));
		}
		return tables;
	}

	@Bean
	@ConditionalOnMissingBean({ AgentStateStore.class, AgentPersistence.class })
	JdbcAgentStateStore sagentsAgentStateStore(DataSource dataSource, JdbcTables tables) {
		return new JdbcAgentStateStore(dataSource, tables);
	}

	@Bean
	@ConditionalOnMissingBean({ FileSystemStore.class, FileSystemPersistence.class })
	JdbcFileSystemStore sagentsFileSystemStore(DataSource dataSource, JdbcTables tables) {
		return new JdbcFileSystemStore(dataSource, tables);
	}

}
