package dev.sagents.sample.persistence;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import tools.jackson.databind.json.JsonMapper;

import dev.sagents.agent.AgentPersistence;
import dev.sagents.sample.NotesProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which store the notes assistant's own beans serve: the JSON files only for the disk store (so a
 * JDBC node never writes agent states beside the database, unfenced), a DataSource only for the
 * JDBC store (so a disk node needs no database).
 */
class NotesStoreConfigurationTests {

	@TempDir
	Path dataDirectory;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withUserConfiguration(NotesStoreConfiguration.class)
			.withBean(NotesProperties.class, () -> new NotesProperties(this.dataDirectory, null, null))
			.withBean(JsonMapper.class, JsonMapper::new);
	}

	@Test
	void withoutAStoreSetAgentStatesAreJsonFilesAndNoDatabaseIsNeeded() {
		runner().run((context) -> {
			assertThat(context).hasSingleBean(JsonFileAgentPersistence.class);
			assertThat(context).doesNotHaveBean(DataSource.class);
		});
	}

	@Test
	void diskStoreKeepsAgentStatesAsJsonFiles() {
		runner().withPropertyValues("sagents.persistence.store=disk").run((context) -> {
			assertThat(context).hasSingleBean(JsonFileAgentPersistence.class);
			assertThat(context).doesNotHaveBean(DataSource.class);
		});
	}

	@Test
	void jdbcStoreHasTheDatabaseOfTheDatasourcePropertiesAndNoJsonFiles() {
		runner()
			.withPropertyValues("sagents.persistence.store=jdbc", "spring.datasource.url=jdbc:h2:mem:store-config",
					"spring.datasource.username=notes", "spring.datasource.hikari.maximum-pool-size=3")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(AgentPersistence.class);
				HikariDataSource dataSource = context.getBean(HikariDataSource.class);
				assertThat(dataSource.getJdbcUrl()).isEqualTo("jdbc:h2:mem:store-config");
				assertThat(dataSource.getUsername()).isEqualTo("notes");
				assertThat(dataSource.getMaximumPoolSize()).isEqualTo(3);
			});
	}

	@Test
	void noStoreKeepsNothingAndNeedsNoDatabase() {
		runner().withPropertyValues("sagents.persistence.store=none").run((context) -> {
			assertThat(context).doesNotHaveBean(AgentPersistence.class);
			assertThat(context).doesNotHaveBean(DataSource.class);
		});
	}

}
