package dev.sagents.sample.web;

import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import dev.sagents.sample.web.ApiClient.Response;
import dev.sagents.testsupport.SwitchableDataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notes assistant with {@code sagents.persistence.store=jdbc} (here on H2), configured by
 * properties only as recipe 4 does it: agent states and notes go to the database, not to the data
 * directory, and a database that cannot be reached is a 503 {@code persistence-unavailable}
 * problem that ends by itself when it is back. The database is "down" while the
 * {@link SwitchableDataSource} around the application's refuses every new connection, as a pool
 * does when the server is gone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sagents.node-name=notes-jdbc-test", "sagents.persistence.store=jdbc",
				"sagents.persistence.jdbc.initialize-schema=always",
				"spring.datasource.url=jdbc:h2:mem:notes-jdbc;DB_CLOSE_DELAY=-1",
				"sagents.filesystem.persist-debounce=50ms",
				// {"handled":9} fits, {"handled":10} does not.
				"sagents.persistence.max-state-size=13B" })
@Import(NotesJdbcStoreTests.Outages.class)
class NotesJdbcStoreTests {

	private static final String PROBLEM_TYPE_PREFIX = "tag:sagents.dev,2026:problem:";

	@TempDir
	static Path dataDirectory;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("notes.data-directory", () -> dataDirectory.toString());
	}

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	ApiClient api;

	@BeforeEach
	void connect() {
		this.api = new ApiClient(this.port);
	}

	@AfterEach
	void databaseBack() {
		database().up();
	}

	@Test
	void agentStateIsKeptInTheDatabase() {
		start("stored", "");
		tell("stored", "one");
		tell("stored", "two");
		this.api.delete("/api/agents/stored");
		start("stored", "");

		assertThat(tell("stored", "three").body().get("handled").asLong()).isEqualTo(3);
		assertThat(JdbcClient.create(this.dataSource)
			.sql("SELECT STATE_DATA FROM SAGENTS_AGENT_STATE WHERE AGENT_ID = 'stored'")
			.query(byte[].class)
			.single()).asString().isEqualTo("{\"handled\":3}");
		assertThat(dataDirectory.resolve("agents")).as("the disk store's directory").doesNotExist();
	}

	@Test
	void notesAreKeptInTheDatabase() {
		start("noter", "{\"filesystemScope\": \"user:noter\"}");
		tell("noter", "remember buy milk");

		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(JdbcClient.create(this.dataSource)
				.sql("SELECT CONTENT FROM SAGENTS_FILE WHERE SCOPE = 'user:noter' AND FILE_PATH = 'notes/noter-1.md'")
				.query(byte[].class)
				.optional()).hasValueSatisfying((content) -> assertThat(content).asString().isEqualTo("buy milk")));
		assertThat(dataDirectory.resolve("filesystems")).as("the disk store's directory").doesNotExist();
	}

	@Test
	void messageWhileTheDatabaseIsDownIsUnavailableAndTheCountGoesOnOnceItIsBack() {
		start("outage", "");
		tell("outage", "before");

		database().down();
		Response refused = tell("outage", "while down");
		database().up();
		Response after = tell("outage", "after");

		assertPersistenceUnavailable(refused);
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.body().get("handled").asLong()).as("the refused message was not counted").isEqualTo(2);
	}

	@Test
	void startWhileTheDatabaseIsDownIsUnavailableAndSucceedsOnceItIsBack() {
		database().down();
		Response refused = start("late", "");
		database().up();

		assertPersistenceUnavailable(refused);
		assertThat(start("late", "").status()).isEqualTo(201);
	}

	@Test
	void stateOverTheMaximumSizeIsRefusedAndTheAgentKeepsItsCount() {
		start("big", "");
		for (int i = 1; i <= 9; i++) {
			tell("big", "message " + i);
		}

		Response refused = tell("big", "message 10");
		this.api.delete("/api/agents/big");
		start("big", "");

		assertThat(refused.status()).isEqualTo(507);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(refused.text("type")).isEqualTo(PROBLEM_TYPE_PREFIX + "state-too-large");
		assertThat(refused.text("detail")).contains("'big'", "sagents.persistence.max-state-size");
		assertThat(tell("big", "after a restart").status()).as("the stored count is 9, so the 10th fails again")
			.isEqualTo(507);
	}

	private void assertPersistenceUnavailable(Response response) {
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.text("type")).isEqualTo(PROBLEM_TYPE_PREFIX + "persistence-unavailable");
		assertThat(response.retryAfter()).isEqualTo("5");
		assertThat(response.text("detail")).contains("store is unavailable");
	}

	private Response start(String id, String body) {
		return this.api.send("PUT", "/api/agents/" + id, body);
	}

	private Response tell(String id, String text) {
		return this.api.send("POST", "/api/agents/" + id + "/messages", "{\"text\": \"" + text + "\"}");
	}

	private SwitchableDataSource database() {
		return (SwitchableDataSource) this.dataSource;
	}

	/** The application's DataSource, wrapped in a {@link SwitchableDataSource}. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Outages {

		@Bean
		static BeanPostProcessor outageWrapper() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof DataSource dataSource) ? new SwitchableDataSource(dataSource) : bean;
				}
			};
		}

	}

}
