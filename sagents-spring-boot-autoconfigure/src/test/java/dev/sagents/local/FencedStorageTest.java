package dev.sagents.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import dev.sagents.agent.AgentEvent;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentStatus;
import dev.sagents.filesystem.FileSystemRef;
import dev.sagents.local.CounterAgent.Count;
import dev.sagents.persistence.FileSystemStore;
import dev.sagents.persistence.RecordingStateStore;
import dev.sagents.persistence.StateTooLargeException;
import dev.sagents.persistence.WriteMode;
import dev.sagents.persistence.disk.DiskFileSystemStore;
import dev.sagents.persistence.jdbc.JdbcAgentStateStore;
import dev.sagents.persistence.jdbc.JdbcFileSystemStore;
import dev.sagents.persistence.jdbc.JdbcTables;
import dev.sagents.process.ProcessFailedException;
import dev.sagents.process.StaleActivationException;
import dev.sagents.supervisor.ExitReason;
import dev.sagents.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one database (and, for file systems, on one database or one directory), as two
 * instances of an application that both started the same agent or file system (one of them paused
 * or cut off meanwhile): the newer activation's state is the one that stays, and the older one
 * stops as stale at its next write. Also what the write modes promise.
 */
class FencedStorageTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final long ONE_MEGABYTE = 1024 * 1024;

	private final DataSource database = TestDatabases.h2("fenced-storage");

	private final JdbcTables tables = TestDatabases.createTables(this.database, "h2",
			new JdbcTables(TestDatabases.uniquePrefix()));

	private final RecordingStateStore states = new RecordingStateStore(new JdbcAgentStateStore(this.database, this.tables));

	@TempDir
	Path directory;

	/** Where file systems keep their files: the database unless a test {@linkplain #filesIn chose}. */
	private FileSystemStore files = new JdbcFileSystemStore(this.database, this.tables);

	private final List<StoredNode> nodes = new CopyOnWriteArrayList<>();

	@AfterEach
	void stopNodes() {
		this.states.open();
		this.nodes.forEach(StoredNode::close);
	}

	private StoredNode node(String name, WriteMode mode, Duration coalesceDelay, long maxStateSize) {
		StoredNode node = new StoredNode(name, this.states, this.files, mode, coalesceDelay, maxStateSize);
		this.nodes.add(node);
		return node;
	}

	private StoredNode node(String name) {
		return node(name, WriteMode.WRITE_THROUGH, Duration.ofMillis(100), ONE_MEGABYTE);
	}

	private static long call(AgentRef agent, Object message) {
		return agent.callAndWait(message, Long.class, TIMEOUT);
	}

	/** Starts agent {@code a}, a counter, on {@code node}. */
	private static AgentRef counter(StoredNode node) {
		return node.agents.startAgent(AgentSpec.of("a").withType("counter")).ref();
	}

	/** Agent {@code a} on {@code node}, sent {@code changes} casts that each change its state. */
	private static AgentRef changedQuietly(StoredNode node, int changes) {
		AgentRef agent = counter(node);
		for (int i = 0; i < changes; i++) {
			agent.cast(CounterAgent.QUIET);
		}
		return agent;
	}

	private Count stored(String agentId) throws Exception {
		return (Count) this.states.stored(agentId, StoredNode.CODEC);
	}

	/**
	 * Agent {@code a} started on a first node and changed {@code changes} times, then started again on
	 * a second node (as after a move the first node missed) and changed once there.
	 */
	private TwoActivations twoActivations(int changes) {
		StoredNode first = node("n1");
		AgentRef old = counter(first);
		for (int i = 0; i < changes; i++) {
			call(old, "inc");
		}
		AgentRef newer = counter(node("n2"));
		assertThat(call(newer, "inc")).isEqualTo(changes + 1);
		return new TwoActivations(first, old, newer);
	}

	private record TwoActivations(StoredNode first, AgentRef old, AgentRef newer) {
	}

	@Test
	void aStaleAgentsWriteIsRefusedItStopsAsStaleAndTheNewerStateStays() throws Exception {
		List<AgentEvent> events = new CopyOnWriteArrayList<>();
		TwoActivations activations = twoActivations(2);
		activations.first().agents.subscribe("a", events::add);

		assertThatExceptionOfType(StaleActivationException.class).isThrownBy(() -> call(activations.old(), "inc"))
			.satisfies((stale) -> assertThat(stale.epoch()).isEqualTo(1));
		await().atMost(TIMEOUT).until(() -> !activations.old().isAlive());
		await().atMost(TIMEOUT)
			.until(() -> events.stream()
				.anyMatch((event) -> event instanceof AgentEvent.Shutdown stop && stop.reason() == ExitReason.STALE));
		assertThat(activations.first().counter.stops).containsExactly("a STALE handled=2");
		assertThat(stored("a")).isEqualTo(new Count(3));
		assertThat(call(activations.newer(), CounterAgent.GET)).isEqualTo(3);
	}

	@Test
	void aStaleAgentThatCrashesStopsAsStaleInsteadOfRestarting() throws Exception {
		TwoActivations activations = twoActivations(1);

		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> call(activations.old(), CounterAgent.FAIL));
		await().atMost(TIMEOUT).until(() -> !activations.old().isAlive());
		assertThat(activations.first().counter.stops).containsExactly("a STALE handled=1");
		assertThat(stored("a")).isEqualTo(new Count(2));
	}

	/** The file-system stores that the tests of file systems run against. */
	enum FileStoreKind {

		JDBC, DISK

	}

	/** Makes the nodes started next keep their files in {@code kind}. */
	private void filesIn(FileStoreKind kind) {
		if (kind == FileStoreKind.DISK) {
			this.files = new DiskFileSystemStore(this.directory);
		}
	}

	/** The content of {@code path} of {@code scope} in the store, as text; {@code null} if there is none. */
	private String storedFile(String scope, String path) {
		try {
			return this.files.read(scope, path).map(String::new).orElse(null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The content of {@code path} in the store once the file system of {@code scope} on
	 * {@code node}, started again there to take a stale activation's changes, has persisted them.
	 */
	private String persistedAfterReplay(StoredNode node, String scope, String path) {
		await().atMost(TIMEOUT).ignoreExceptions()
			.until(() -> node.fileSystems.findFileSystem(scope).orElseThrow().readText(path).isPresent());
		node.fileSystems.findFileSystem(scope).orElseThrow().flush();
		return storedFile(scope, path);
	}

	/**
	 * A stale file system's write is refused and it stops; the changes it acknowledged but could
	 * not persist reach the store through the scope's current activation (here a new one on the
	 * same node, as the local backend has no other), in the order they were made, and no file of
	 * the newer activation is lost.
	 */
	@ParameterizedTest
	@EnumSource
	void aStaleFileSystemStopsAndTheChangesItAcknowledgedAreMadeByTheCurrentActivation(FileStoreKind kind) {
		filesIn(kind);
		StoredNode first = node("n1");
		FileSystemRef old = first.fileSystems.startFileSystem("user:alice").ref();
		old.writeText("notes.md", "one");
		old.writeText("draft.md", "gone soon");
		old.flush();
		FileSystemRef newer = node("n2").fileSystems.startFileSystem("user:alice").ref();
		assertThat(newer.readText("notes.md")).contains("one");
		newer.writeText("notes.md", "two");
		newer.writeText("merged.md", "from the other side");
		newer.flush();

		old.writeText("notes.md", "three");
		old.delete("draft.md");
		old.writeText("draft.md/inside.md", "a folder where a file was");
		assertThatExceptionOfType(StaleActivationException.class).isThrownBy(old::flush);
		await().atMost(TIMEOUT).until(() -> !old.isAlive());

		assertThat(persistedAfterReplay(first, "user:alice", "notes.md"))
			.as("the write acknowledged after the newer one's comes after it").isEqualTo("three");
		assertThat(storedFile("user:alice", "draft.md/inside.md")).as("the delete made before the write")
			.isEqualTo("a folder where a file was");
		assertThat(storedFile("user:alice", "draft.md")).isNull();
		assertThat(storedFile("user:alice", "merged.md")).isEqualTo("from the other side");
	}

	@ParameterizedTest
	@EnumSource
	void aFileSystemRestartedAfterACrashKeepsItsEpochSoTheNewerActivationStillWins(FileStoreKind kind) {
		filesIn(kind);
		FileSystemRef old = node("n1").fileSystems.startFileSystem("user:bo").ref();
		FileSystemRef newer = node("n2").fileSystems.startFileSystem("user:bo").ref();
		assertThatExceptionOfType(ProcessFailedException.class)
			.isThrownBy(() -> old.callAndWait("no command", Object.class, TIMEOUT));
		assertThat(old.isAlive()).isTrue();

		newer.writeText("notes.md", "newer");
		newer.flush();
		old.writeText("notes.md", "stale");
		assertThatExceptionOfType(StaleActivationException.class).as("the restart claimed no newer epoch")
			.isThrownBy(old::flush);
		assertThat(storedFile("user:bo", "notes.md")).isEqualTo("newer");
	}

	@ParameterizedTest
	@EnumSource
	void aFileSystemWhoseCrashFlushIsRefusedStopsAsStaleInsteadOfRestartingAndKeepsItsChanges(FileStoreKind kind) {
		filesIn(kind);
		StoredNode first = node("n1");
		FileSystemRef old = first.fileSystems.startFileSystem("user:cy").ref();
		old.writeText("notes.md", "unflushed");
		node("n2").fileSystems.startFileSystem("user:cy");
		assertThatExceptionOfType(ProcessFailedException.class)
			.isThrownBy(() -> old.callAndWait("no command", Object.class, TIMEOUT));
		await().atMost(TIMEOUT).until(() -> !old.isAlive());
		assertThat(persistedAfterReplay(first, "user:cy", "notes.md")).isEqualTo("unflushed");
	}

	@Test
	void aStateOverTheLimitIsRefusedAndTheAgentKeepsItsPreviousState() throws Exception {
		// {"handled":9} is 13 bytes: the first nine counts fit, the tenth does not.
		StoredNode node = node("n1", WriteMode.WRITE_THROUGH, Duration.ofMillis(100), 13);
		AgentRef agent = counter(node);
		for (int i = 0; i < 9; i++) {
			call(agent, "inc");
		}
		assertThatExceptionOfType(StateTooLargeException.class).isThrownBy(() -> call(agent, "inc"))
			.satisfies((tooLarge) -> assertThat(tooLarge.limit()).isEqualTo(13));
		assertThat(agent.status()).isEqualTo(AgentStatus.IDLE);
		assertThat(call(agent, CounterAgent.GET)).isEqualTo(9);
		assertThat(stored("a")).isEqualTo(new Count(9));
	}

	@Test
	void writeThroughRepliesOnlyOnceTheStateIsStored() throws Exception {
		StoredNode node = node("n1");
		AgentRef agent = counter(node);
		call(agent, "inc");
		this.states.close();
		CompletableFuture<Long> reply = agent.call("inc", Long.class, TIMEOUT);
		assertThat(this.states.awaitHeldWrite()).isTrue();
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !reply.isDone());
		assertThat(stored("a")).isEqualTo(new Count(1));
		this.states.open();
		assertThat(reply.get()).isEqualTo(2);
		assertThat(stored("a")).isEqualTo(new Count(2));
	}

	@Test
	void coalescedRepliesBeforeTheStateIsStored() throws Exception {
		StoredNode node = node("n1", WriteMode.COALESCED, Duration.ofHours(1), ONE_MEGABYTE);
		AgentRef agent = changedQuietly(node, 50);
		assertThat(call(agent, "inc")).isEqualTo(51);
		assertThat(this.states.writesOf("a")).isZero();
		assertThat(stored("a")).isNull();
	}

	@Test
	void coalescedStoresTheLatestStateWithinTheDelayInFewWrites() throws Exception {
		StoredNode node = node("n1", WriteMode.COALESCED, Duration.ofMillis(200), ONE_MEGABYTE);
		AgentRef agent = changedQuietly(node, 50);
		assertThat(call(agent, CounterAgent.GET)).isEqualTo(50);
		await().atMost(TIMEOUT).until(() -> new Count(50).equals(stored("a")));
		// Latest wins: fifty changes make a write per delay they span, not fifty.
		assertThat(this.states.writesOf("a")).isLessThan(10);
	}

	@Test
	void coalescedStoresTheLatestStateWhenTheAgentStops() throws Exception {
		StoredNode node = node("n1", WriteMode.COALESCED, Duration.ofHours(1), ONE_MEGABYTE);
		AgentRef agent = changedQuietly(node, 5);
		assertThat(call(agent, CounterAgent.GET)).isEqualTo(5);
		assertThat(stored("a")).isNull();
		assertThat(node.agents.stopAgent("a")).isTrue();
		assertThat(stored("a")).isEqualTo(new Count(5));
		assertThat(this.states.writesOf("a")).isEqualTo(1);
	}

}
