package dev.sagents.sample.persistence;

import com.zaxxer.hikari.HikariDataSource;
import tools.jackson.databind.json.JsonMapper;

import dev.sagents.agent.AgentPersistence;
import dev.sagents.sample.NotesProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the notes assistant keeps agent states, by {@code sagents.persistence.store}: with the disk
 * store (the default) as JSON files under {@code notes.data-directory}, through
 * {@link JsonFileAgentPersistence}; with the JDBC store in the database of {@code spring.datasource.*},
 * through sagents' own fenced store, which the application's {@code AgentPersistence} would replace.
 * Spring Boot's own DataSource auto-configuration is off (see {@code NotesApplication}), so a node
 * with the disk store needs no database.
 */
@Configuration(proxyBeanMethods = false)
public class NotesStoreConfiguration {

	/** The property that chooses the store. */
	static final String STORE = "sagents.persistence.store";

	/** Keeps each agent's state in a JSON file, so its message count survives stops and restarts. */
	@Bean
	@ConditionalOnProperty(name = STORE, havingValue = "disk", matchIfMissing = true)
	AgentPersistence agentPersistence(NotesProperties properties, JsonMapper jsonMapper) {
		return new JsonFileAgentPersistence(properties.dataDirectory().resolve("agents"), jsonMapper);
	}

	/**
	 * {@code sagents.persistence.store=jdbc}: the database of {@code spring.datasource.url},
	 * {@code username} and {@code password} (environment variables {@code SPRING_DATASOURCE_URL}, …),
	 * with a connection pool tuned by {@code spring.datasource.hikari.*}, as Spring Boot would
	 * configure it.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = STORE, havingValue = "jdbc")
	@EnableConfigurationProperties(DataSourceProperties.class)
	static class JdbcDataSource {

		@Bean
		@ConfigurationProperties("spring.datasource.hikari")
		HikariDataSource dataSource(DataSourceProperties properties) {
			return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		}

	}

}
