package dev.sagents.horde;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.filesystem.FileSystemRef;
import dev.sagents.filesystem.FileSystemSettings;
import dev.sagents.persistence.FileSystemStorage;
import dev.sagents.persistence.jdbc.JdbcAgentStateStore;
import dev.sagents.persistence.jdbc.JdbcFileSystemStore;
import dev.sagents.persistence.jdbc.JdbcTables;
import dev.sagents.process.ProcessRef;
import dev.sagents.process.StaleActivationException;
import dev.sagents.testsupport.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Fencing across the horde: a member cut off from the others (its Hazelcast member gone, its
 * processes still running, as in a network split or a long pause) while the survivors restart its
 * agents from the shared database. The restarted agent is the newer activation: its state stays,
 * and the cut-off owner's late write is refused and stops it.
 */
class HordeFencingTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration GENEROUS = Duration.ofSeconds(60);

	@TempDir
	Path fileSystems;

	private final DataSource database = TestDatabases.h2("horde-fencing");

	private final JdbcTables tables = TestDatabases.createTables(this.database, "h2",
			new JdbcTables(TestDatabases.uniquePrefix()));

	private final JdbcAgentStateStore states = new JdbcAgentStateStore(this.database, this.tables);

	@AutoClose
	private HordeTestCluster cluster;

	@Test
	void anOwnerCutOffFromTheHordeHasItsLateWriteRefusedAndTheSurvivorsStateStays() throws Exception {
		this.cluster = HordeTestCluster.ofTallies("fencing", this.fileSystems, AgentSettings.defaults());
		this.cluster.fencedStore(this.states).start("n1");
		this.cluster.fencedStore(this.states).start("n2");
		this.cluster.awaitAllHosting();
		String id = this.cluster.idOwnedBy("n1", 0);
		AgentRef agent = this.cluster.node("n2").agents.startAgent(AgentSpec.of(id)).ref();
		agent.callAndWait("tick", Long.class, TIMEOUT);
		assertThat(agent.callAndWait("tick", Long.class, TIMEOUT)).isEqualTo(2);
		// Every registration has its backup on n2 before n1 goes.
		ProcessRef cutOff = this.cluster.cutOff("n1", "n2", id);
		AgentRef moved = this.cluster.node("n2").agents.findAgent(id).orElseThrow();
		assertThat(moved.callAndWait("tick", Long.class, TIMEOUT)).as("restarted from the stored state").isEqualTo(3);

		assertThatExceptionOfType(StaleActivationException.class)
			.isThrownBy(() -> cutOff.callAndWait("tick", Long.class, TIMEOUT));
		// Its end tells a Hazelcast member that is gone (the cut-off simulated), which throws on the
		// agent's thread: not what this test is about.
		await().dontCatchUncaughtExceptions().atMost(TIMEOUT).until(() -> !cutOff.isAlive());
		this.cluster.node("n1").crash();
		assertThat(moved.callAndWait("get", Long.class, TIMEOUT)).isEqualTo(3);
		assertThat(this.cluster.codec().decode(this.states.read(id).orElseThrow().state())).isEqualTo(new Tally.Count(3));
	}

	/**
	 * After a split healed, the copy the merge kept may have been superseded by the other side's
	 * copy, which claimed a newer epoch and was then stopped as a duplicate: the kept copy's next
	 * write is refused, and as it is still the one registered, it starts again at once from the
	 * newest stored state instead of leaving the agent running nowhere. The other side's claim is
	 * made here on the store directly.
	 */
	@Test
	void aStaleCopyThatIsStillTheRegisteredOneStartsAgainFromTheNewestState() throws Exception {
		this.cluster = HordeTestCluster.ofTallies("fencing", this.fileSystems, AgentSettings.defaults());
		this.cluster.fencedStore(this.states).start("n1");
		this.cluster.awaitAllHosting();
		AgentRef agent = this.cluster.node("n1").agents.startAgent(AgentSpec.of("kept")).ref();
		agent.callAndWait("tick", Long.class, TIMEOUT);
		assertThat(agent.callAndWait("tick", Long.class, TIMEOUT)).isEqualTo(2);

		this.states.claim("kept");

		assertThatExceptionOfType(StaleActivationException.class)
			.isThrownBy(() -> agent.callAndWait("tick", Long.class, TIMEOUT));
		await().atMost(GENEROUS).ignoreExceptions()
			.untilAsserted(() -> assertThat(this.cluster.node("n1").agents.findAgent("kept").orElseThrow()
				.callAndWait("get", Long.class, TIMEOUT)).isEqualTo(2));
		AgentRef restarted = this.cluster.node("n1").agents.findAgent("kept").orElseThrow();
		assertThat(restarted.callAndWait("tick", Long.class, TIMEOUT)).as("the refused tick changed nothing")
			.isEqualTo(3);
		assertThat(this.cluster.codec().decode(this.states.read("kept").orElseThrow().state())).isEqualTo(new Tally.Count(3));
	}

	/**
	 * The same for a file system, whose debounced writes were acknowledged before the refusal: the
	 * copy still registered here starts again, and the changes the stale one could not persist
	 * reach it, from wherever the caller is, and are persisted. The other side's claim is made here
	 * on the store directly.
	 */
	@Test
	void aStaleFileSystemThatIsStillTheRegisteredOneStartsAgainWithTheChangesItAcknowledged() {
		JdbcFileSystemStore files = new JdbcFileSystemStore(this.database, this.tables);
		this.cluster = HordeTestCluster.ofTallies("fencing", this.fileSystems, AgentSettings.defaults())
			.fileSystems(FileSystemStorage.fenced(files), FileSystemSettings.defaults());
		this.cluster.startHosting("n1", "n2");
		String scope = this.cluster.scopeOwnedBy("n1");
		FileSystemRef fileSystem = this.cluster.node("n2").fileSystems.startFileSystem(scope).ref();
		fileSystem.writeText("notes.md", "one");
		fileSystem.flush();

		files.claim(scope);
		fileSystem.writeText("late.md", "acknowledged");
		assertThatExceptionOfType(StaleActivationException.class).isThrownBy(fileSystem::flush);

		await().atMost(GENEROUS).ignoreExceptions()
			.until(() -> this.cluster.node("n2").fileSystems.findFileSystem(scope).orElseThrow().readText("late.md"),
					(content) -> content.isPresent());
		FileSystemRef restarted = this.cluster.node("n2").fileSystems.findFileSystem(scope).orElseThrow();
		assertThat(restarted.node()).isEqualTo("n1");
		restarted.flush();
		assertThat(files.read(scope, "late.md")).hasValueSatisfying(
				(content) -> assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo("acknowledged"));
		assertThat(files.read(scope, "notes.md")).isPresent();
	}

}
