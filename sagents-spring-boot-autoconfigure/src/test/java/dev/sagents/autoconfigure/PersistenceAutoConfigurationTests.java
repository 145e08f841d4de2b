package dev.sagents.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentPersistence;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.codec.MessageCodec;
import dev.sagents.filesystem.FileSystemPersistence;
import dev.sagents.filesystem.FileSystemRef;
import dev.sagents.filesystem.FileSystemSupervisor;
import dev.sagents.persistence.AgentStateStore;
import dev.sagents.persistence.AgentStorage;
import dev.sagents.persistence.FencedAgentStorage;
import dev.sagents.persistence.FileSystemStorage;
import dev.sagents.persistence.FileSystemStore;
import dev.sagents.persistence.PersistenceUnavailableException;
import dev.sagents.persistence.RecordingStateStore;
import dev.sagents.persistence.disk.DiskFileSystemStore;
import dev.sagents.persistence.disk.ScopeLockHolder;
import dev.sagents.persistence.jdbc.JdbcAgentStateStore;
import dev.sagents.persistence.jdbc.JdbcFileSystemStore;
import dev.sagents.persistence.jdbc.JdbcSchema;
import dev.sagents.persistence.jdbc.JdbcTables;
import dev.sagents.process.ProcessStartException;
import dev.sagents.testsupport.SwitchableDataSource;
import dev.sagents.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Which store keeps agent state and files, as {@code sagents.persistence.*} and the application's beans decide. */
@ExtendWith(OutputCaptureExtension.class)
class PersistenceAutoConfigurationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path baseDirectory;

	private final SettingsReports reports = new SettingsReports();

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SagentsAutoConfiguration.class))
			.withPropertyValues("sagents.node-name=n1", "sagents.filesystem.base-directory=" + this.baseDirectory)
			.withBean("counting", AgentBehavior.class, () -> new CountingAgent("counting"));
	}

	/** A runner with {@code store=jdbc} on {@code dataSource} and its own table prefix. */
	private ApplicationContextRunner jdbc(DataSource dataSource, String prefix) {
		return runner().withBean(DataSource.class, () -> dataSource)
			.withPropertyValues("sagents.persistence.store=jdbc", "sagents.persistence.jdbc.table-prefix=" + prefix);
	}

	@Test
	void byDefaultFileSystemsKeepTheirFilesOnDiskFencedAndAgentsNoState() {
		runner().run((context) -> {
			assertThat(context).hasSingleBean(DiskFileSystemStore.class)
				.hasSingleBean(FileSystemStorage.class)
				.hasSingleBean(AgentStorage.class)
				.doesNotHaveBean(AgentStateStore.class)
				.doesNotHaveBean(FileSystemPersistence.class);
			assertThat(context.getBean(AgentStorage.class)).isNotInstanceOf(FencedAgentStorage.class);
			FileSystemRef files = context.getBean(FileSystemSupervisor.class).ensureFileSystem("user:alice");
			files.writeText("notes.md", "kept");
			files.flush();
			try (var stored = Files.walk(this.baseDirectory)) {
				assertThat(stored.filter((path) -> path.endsWith("notes.md"))).hasSize(1);
			}
			assertThat(this.baseDirectory.resolve(".epochs/user%3Aalice.epoch")).as("the epoch its start claimed")
				.hasContent("1");
		});
	}

	@Test
	void aFileSystemWhoseScopeLockIsHeldTooLongFailsToStartTypedAfterTheConfiguredLockTimeout() {
		runner().withPropertyValues("sagents.persistence.disk.lock-timeout=250ms").run((context) -> {
			try (ScopeLockHolder held = new ScopeLockHolder(this.baseDirectory, "user:alice", TIMEOUT)) {
				assertThatExceptionOfType(ProcessStartException.class)
					.isThrownBy(() -> context.getBean(FileSystemSupervisor.class).startFileSystem("user:alice"))
					.havingRootCause()
					.isInstanceOf(PersistenceUnavailableException.class)
					.withMessageContaining("within 250 ms (sagents.persistence.disk.lock-timeout)");
			}
			assertThat(context.getBean(FileSystemSupervisor.class).ensureFileSystem("user:alice").list())
				.as("started once the lock was let go")
				.isEmpty();
		});
	}

	@Test
	void anApplicationsFileSystemStoreWinsOverTheDiskStore() {
		DiskFileSystemStore own = new DiskFileSystemStore(this.baseDirectory.resolve("own"));
		runner().withBean(FileSystemStore.class, () -> own)
			.run((context) -> assertThat(context).getBean(FileSystemStore.class).isSameAs(own));
	}

	@Test
	void anApplicationsFileSystemPersistenceWinsOverTheDiskStoreWithoutFencing() {
		runner().withBean(FileSystemPersistence.class, FileSystemPersistence::none).run((context) -> {
			assertThat(context).doesNotHaveBean(FileSystemStore.class).hasSingleBean(FileSystemPersistence.class);
			context.getBean(FileSystemSupervisor.class).ensureFileSystem("user:alice").flush();
			assertThat(this.baseDirectory.resolve(".epochs")).doesNotExist();
		});
	}

	@Test
	void withStoreNoneFilesLiveInMemoryOnlyWhileTheirFileSystemRuns() {
		runner().withPropertyValues("sagents.persistence.store=none").run((context) -> {
			assertThat(context).doesNotHaveBean(FileSystemPersistence.class).doesNotHaveBean(FileSystemStore.class);
			FileSystemSupervisor supervisor = context.getBean(FileSystemSupervisor.class);
			FileSystemRef files = supervisor.ensureFileSystem("user:alice");
			files.writeText("notes.md", "fleeting");
			files.flush();
			assertThat(files.readText("notes.md")).contains("fleeting");
			assertThat(supervisor.stopFileSystem("user:alice")).isTrue();
			assertThat(supervisor.ensureFileSystem("user:alice").readText("notes.md")).isEmpty();
			try (var stored = Files.list(this.baseDirectory)) {
				assertThat(stored).isEmpty();
			}
		});
	}

	@Test
	void withStoreJdbcAgentStateAndFilesGoToTheDataSourceFenced() {
		DataSource dataSource = TestDatabases.h2("persistence-autoconfiguration");
		String prefix = TestDatabases.uniquePrefix();
		jdbc(dataSource, prefix).run((context) -> {
			assertThat(context).hasSingleBean(JdbcAgentStateStore.class)
				.hasSingleBean(JdbcFileSystemStore.class)
				.doesNotHaveBean(DiskFileSystemStore.class);
			assertThat(context.getBean(AgentStorage.class)).isInstanceOf(FencedAgentStorage.class);
			// An in-memory H2 is embedded: the tables were created, with the prefix.
			assertThat(JdbcSchema.missingTables(JdbcClient.create(dataSource), new JdbcTables(prefix))).isEmpty();
			AgentsSupervisor agents = context.getBean(AgentsSupervisor.class);
			var agent = agents.startAgent(AgentSpec.of("a")).ref();
			assertThat(agent.callAndWait("hello", String.class, TIMEOUT)).isEqualTo("counting:1");
			assertThat(context.getBean(AgentStateStore.class).read("a").orElseThrow().state())
				.satisfies((state) -> assertThat(context.getBean(MessageCodec.class).decode(state)).isEqualTo(1));
			FileSystemRef files = context.getBean(FileSystemSupervisor.class).ensureFileSystem("user:alice");
			files.writeText("notes.md", "in the database");
			files.flush();
			assertThat(context.getBean(FileSystemStore.class).read("user:alice", "notes.md")).isPresent();
		});
	}

	@Test
	void anApplicationsAgentPersistenceWinsOverTheStoreWithoutFencing() {
		jdbc(TestDatabases.h2("persistence-autoconfiguration"), TestDatabases.uniquePrefix())
			.withBean(AgentPersistence.class, AgentPersistence::none)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(AgentStateStore.class).hasSingleBean(JdbcFileSystemStore.class);
				assertThat(context.getBean(AgentStorage.class)).isNotInstanceOf(FencedAgentStorage.class);
			});
	}

	@Test
	void anApplicationsFileSystemPersistenceWinsOverTheStore() {
		jdbc(TestDatabases.h2("persistence-autoconfiguration"), TestDatabases.uniquePrefix())
			.withBean(FileSystemPersistence.class, FileSystemPersistence::none)
			.run((context) -> assertThat(context).doesNotHaveBean(FileSystemStore.class)
				.hasSingleBean(JdbcAgentStateStore.class)
				.hasSingleBean(FileSystemPersistence.class));
	}

	@Test
	void anApplicationsAgentStateStoreIsFencedWhateverTheStore() {
		DataSource dataSource = TestDatabases.h2("persistence-autoconfiguration");
		JdbcTables tables = TestDatabases.createTables(dataSource, "h2", new JdbcTables(TestDatabases.uniquePrefix()));
		RecordingStateStore own = new RecordingStateStore(new JdbcAgentStateStore(dataSource, tables));
		runner().withBean(AgentStateStore.class, () -> own).run((context) -> {
			assertThat(context).hasSingleBean(AgentStateStore.class).hasSingleBean(DiskFileSystemStore.class);
			assertThat(context.getBean(AgentStorage.class)).isInstanceOf(FencedAgentStorage.class);
			context.getBean(AgentsSupervisor.class).startAgent(AgentSpec.of("a")).ref().callAndWait("hello", String.class,
					TIMEOUT);
			assertThat(own.writesOf("a")).isEqualTo(1);
		});
	}

	@Test
	void anApplicationsAgentStorageWins() {
		AgentStorage own = AgentStorage.of(AgentPersistence.none());
		runner().withBean(AgentStorage.class, () -> own)
			.run((context) -> assertThat(context.getBean(AgentStorage.class)).isSameAs(own));
	}

	@Test
	void jdbcOnPostgresqlCreatesTheTablesOnlyWhenAskedTo() {
		DataSource postgres = TestDatabases.postgres();
		String prefix = TestDatabases.uniquePrefix();
		jdbc(postgres, prefix).withPropertyValues("sagents.persistence.jdbc.initialize-schema=always").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(JdbcAgentStateStore.class);
			assertThat(JdbcSchema.missingTables(JdbcClient.create(postgres), new JdbcTables(prefix))).isEmpty();
		});
	}

	@Test
	void aDatabaseUnreachableAtStartupIsLoggedAndCallsThatMustStoreFailTyped(CapturedOutput output) {
		SwitchableDataSource database = new SwitchableDataSource(TestDatabases.h2("persistence-autoconfiguration"));
		database.down();
		jdbc(database, TestDatabases.uniquePrefix()).withPropertyValues("sagents.persistence.jdbc.initialize-schema=always")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(JdbcAgentStateStore.class);
				assertThat(output).contains("sagents' JDBC store did not create its tables: the database could not be"
						+ " reached (Connection refused: the database is down)");
				assertThatExceptionOfType(ProcessStartException.class)
					.isThrownBy(() -> context.getBean(AgentsSupervisor.class).startAgent(AgentSpec.of("a")))
					.withCauseInstanceOf(PersistenceUnavailableException.class);
			});
	}

	@Test
	void missingTablesStopStartupWithAReportNamingInitializeSchema() {
		String prefix = TestDatabases.uniquePrefix();
		// PostgreSQL is not embedded: by default ('embedded') the tables are left to the application.
		this.reports.runner()
			.withBean(DataSource.class, TestDatabases::postgres)
			.withPropertyValues("sagents.persistence.store=jdbc", "sagents.persistence.jdbc.table-prefix=" + prefix)
			.run((context) -> SettingsReports.assertAnalysis(this.reports.analyzeFailure(context),
					"sagents.persistence.jdbc.initialize-schema", "embedded",
					"'always' to create the tables at startup, or create them yourself from"
							+ " classpath:dev/sagents/persistence/jdbc/schema-<platform>.sql (@@prefix@@ = " + prefix
							+ "); missing: " + prefix + "AGENT_STATE, " + prefix + "FILE_SYSTEM, " + prefix + "FILE"));
	}

	@Test
	void settingsTheStoreCannotRunWithAreReportedAtStartup() {
		ApplicationContextRunner reports = this.reports.runner();
		this.reports.assertReport(reports, "sagents.persistence.store=sql", "sagents.persistence.store", "sql",
				"disk, jdbc, hazelcast, none");
		this.reports.assertReport(reports, "sagents.persistence.write-mode=later", "sagents.persistence.write-mode",
				"later", "write-through, coalesced");
		this.reports.assertReport(reports, "sagents.persistence.coalesce-delay=0", "sagents.persistence.coalesce-delay",
				"0", "a positive duration, such as 100ms or 1s");
		this.reports.assertReport(reports, "sagents.persistence.disk.lock-timeout=0s",
				"sagents.persistence.disk.lock-timeout", "0s", "a positive duration, such as 500ms or 10s");
		this.reports.assertReport(reports, "sagents.persistence.max-state-size=0", "sagents.persistence.max-state-size",
				"0", "a positive size, such as 64KB or 1MB");
		this.reports.assertReport(reports, "sagents.persistence.jdbc.table-prefix=my-app",
				"sagents.persistence.jdbc.table-prefix", "my-app",
				"a letter, then letters, digits or '_', at most 30 characters, such as SAGENTS_");
		this.reports.assertReport(reports, "sagents.persistence.store=jdbc", "sagents.persistence.store", "jdbc",
				"disk or none; the jdbc store needs a DataSource: set spring.datasource.url, or declare one");
		this.reports.assertReport(reports.withClassLoader(new FilteredClassLoader(JdbcClient.class)),
				"sagents.persistence.store=jdbc", "sagents.persistence.store", "jdbc",
				"disk or none; the jdbc store needs Spring JDBC on the classpath"
						+ " (org.springframework.boot:spring-boot-starter-jdbc brings it)");
		this.reports.assertReport(
				reports.withBean(DataSource.class, () -> TestDatabases.h2("persistence-autoconfiguration"))
					.withPropertyValues("sagents.persistence.store=jdbc"),
				"sagents.filesystem.max-path-length=2000", "sagents.filesystem.max-path-length", "2000",
				"at most 1024 with sagents.persistence.store=jdbc, the longest path its table holds");
	}

}
