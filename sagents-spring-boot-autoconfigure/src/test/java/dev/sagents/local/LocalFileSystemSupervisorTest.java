package dev.sagents.local;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentPersistence;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentResult;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.NamedAgentBehaviorResolver;
import dev.sagents.autoconfigure.HandlerExecutors;
import dev.sagents.filesystem.DiskFileSystemPersistence;
import dev.sagents.filesystem.FileEntry;
import dev.sagents.filesystem.FileNotFoundException;
import dev.sagents.filesystem.FileSystemCommand;
import dev.sagents.filesystem.FileSystemPersistence;
import dev.sagents.filesystem.FileSystemRef;
import dev.sagents.filesystem.FileSystemSettings;
import dev.sagents.filesystem.InvalidPathException;
import dev.sagents.filesystem.InvalidScopeException;
import dev.sagents.filesystem.PoisonedFile;
import dev.sagents.persistence.AgentStorage;
import dev.sagents.persistence.FileSystemStorage;
import dev.sagents.process.ProcessFailedException;
import dev.sagents.process.ProcessKey;
import dev.sagents.registry.RegistryUnavailableException;
import dev.sagents.supervisor.ExitReason;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.supervisor.RestartIntensity;
import dev.sagents.testsupport.Crashes;
import dev.sagents.testsupport.TestAgent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class LocalFileSystemSupervisorTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path base;

	private ExecutorService executor;

	private LocalProcessRuntime runtime;

	private LocalProcessRegistry registry;

	private LocalFileSystemSupervisor fileSystems;

	private LocalAgentsSupervisor agents;

	/** A debounce no test outlasts: what such a file system holds reaches the disk only when flushed. */
	private static final Duration NEVER_DUE = Duration.ofHours(1);

	private final ProcessFailureLog failures = new ProcessFailureLog(10);

	private final HostingJournal hosting = new HostingJournal();

	@BeforeEach
	void startNode() {
		startNode(new DiskFileSystemPersistence(this.base), settings(Duration.ofMillis(100), RestartIntensity.defaults()));
	}

	private static FileSystemSettings settings(Duration persistDebounce, RestartIntensity restartIntensity) {
		return new FileSystemSettings(persistDebounce, 1024, 256, TIMEOUT, restartIntensity);
	}

	private void startNode(FileSystemPersistence persistence, FileSystemSettings settings) {
		this.executor = HandlerExecutors.byDefault();
		this.runtime = new LocalProcessRuntime("n1", this.executor);
		this.registry = new LocalProcessRegistry();
		this.hosting.seeRunning((key) -> this.registry.lookupHosted(key).isPresent());
		this.fileSystems = new LocalFileSystemSupervisor(this.runtime, this.registry, FileSystemStorage.of(persistence), settings,
				this.failures, this.hosting);
		this.agents = new LocalAgentsSupervisor(this.runtime, this.registry,
				new NamedAgentBehaviorResolver(Map.of("scribe", new Scribe()), null), AgentStorage.of(AgentPersistence.none()),
				this.fileSystems, AgentSettings.defaults(), this.failures);
		this.registry.start();
		this.agents.start();
		this.fileSystems.start();
	}

	@AfterEach
	void stopNode() {
		this.registry.drain();
		this.agents.stop();
		this.fileSystems.stop();
		this.registry.stop();
		this.runtime.close();
		this.executor.shutdownNow();
	}

	@Test
	void filesAreKeptInMemoryAndPersistedAfterTheDebounce() {
		FileSystemRef fs = this.fileSystems.ensureFileSystem("user:alice");
		fs.writeText("notes/a.md", "hello");
		assertThat(fs.readText("notes/a.md")).contains("hello");
		assertThat(fs.list()).singleElement().satisfies((entry) -> assertThat(entry.path()).isEqualTo("notes/a.md"));
		Path stored = this.base.resolve("user%3Aalice").resolve("notes/a.md");
		await().atMost(TIMEOUT).until(() -> Files.exists(stored));
		assertThat(stored).hasContent("hello");
		await().atMost(TIMEOUT).until(() -> fs.list().get(0).persisted());

		fs.writeText("notes/b.md", "again");
		Path later = this.base.resolve("user%3Aalice").resolve("notes/b.md");
		await("a write after the first persist").atMost(TIMEOUT).until(() -> Files.exists(later));
		assertThat(later).hasContent("again");
	}

	@Test
	void aDeleteAnswersWhetherTheFileExistedAndRemovesItFromDisk() {
		FileSystemRef fs = this.fileSystems.ensureFileSystem("user:erin");
		fs.writeText("a.md", "a");
		fs.flush();

		assertThat(fs.delete("a.md")).isTrue();
		assertThat(fs.delete("a.md")).isFalse();
		fs.flush();
		assertThat(this.base.resolve("user%3Aerin").resolve("a.md")).doesNotExist();
	}

	@Test
	void startIsIdempotentPerScope() {
		assertThat(this.fileSystems.startFileSystem("project:7").started()).isTrue();
		assertThat(this.fileSystems.startFileSystem("project:7").alreadyStarted()).isTrue();
		assertThat(this.fileSystems.listFileSystems()).singleElement()
			.satisfies((info) -> assertThat(info.scope()).isEqualTo("project:7"));
		assertThat(this.fileSystems.isRunning("project:7")).isTrue();
		assertThat(this.fileSystems.isRunning("project:8")).isFalse();
	}

	@Test
	void requestsWaitTheConfiguredCallTimeout() {
		assertThat(this.fileSystems.ensureFileSystem("project:7").callTimeout()).isEqualTo(TIMEOUT);
	}

	@Test
	void stoppingFlushesAndRestartingReindexes() {
		FileSystemRef fs = this.fileSystems.ensureFileSystem("user:bob");
		fs.writeText("a.txt", "one");
		fs.writeText("dir/b.txt", "two");
		fs.move("a.txt", "moved.txt");
		assertThat(this.fileSystems.stopFileSystem("user:bob")).isTrue();
		assertThat(this.base.resolve("user%3Abob").resolve("moved.txt")).hasContent("one");
		assertThat(this.base.resolve("user%3Abob").resolve("a.txt")).doesNotExist();
		FileSystemRef again = this.fileSystems.ensureFileSystem("user:bob");
		assertThat(again.list()).extracting(FileEntry::path).containsExactly("dir/b.txt", "moved.txt");
		assertThat(again.readText("dir/b.txt")).contains("two");
		assertThat(this.fileSystems.listFileSystems()).singleElement()
			.satisfies((info) -> assertThat(info.files()).isEqualTo(2));
	}

	@Test
	void refusedRequestsChangeNothingAndDoNotRestartTheFileSystem() {
		FileSystemRef fs = this.fileSystems.ensureFileSystem("user:carol");
		fs.writeText("keep.txt", "x");
		assertThatThrownBy(() -> fs.writeText("../escape.txt", "y")).isInstanceOf(InvalidPathException.class);
		assertThatThrownBy(() -> fs.writeText("/etc/passwd", "y")).isInstanceOf(InvalidPathException.class);
		assertThatThrownBy(() -> fs.write("big.bin", new byte[2048])).isInstanceOf(InvalidPathException.class);
		assertThatThrownBy(() -> fs.move("missing.txt", "b.txt")).isInstanceOf(FileNotFoundException.class);
		assertThat(fs.list()).extracting(FileEntry::path).containsExactly("keep.txt");
		assertThat(fs.isAlive()).isTrue();
		fs.flush();
		assertThat(this.base.resolve("user%3Acarol").resolve("keep.txt")).exists();
		assertThat(this.base.resolve("escape.txt")).doesNotExist();
	}

	@Test
	void aBadScopeIsRefused() {
		assertThatThrownBy(() -> this.fileSystems.startFileSystem("../../etc")).isInstanceOf(InvalidScopeException.class);
		assertThat(this.fileSystems.findFileSystem("../../etc")).isEmpty();
	}

	@Test
	void agentsWithOneScopeShareOneFileSystem() {
		AgentRef first = this.agents.startAgent(AgentSpec.of("writer").withFileSystemScope("team:1")).ref();
		AgentRef second = this.agents.startAgent(AgentSpec.of("reader").withFileSystemScope("team:1")).ref();
		first.callAndWait("write plan.md", String.class, TIMEOUT);
		assertThat(second.callAndWait("read plan.md", String.class, TIMEOUT)).isEqualTo("written by writer");
		assertThat(this.fileSystems.listFileSystems()).hasSize(1);
	}

	@Test
	void aFileSystemSurvivesExactlyItsMaxRestartsWithinTheWindowAndIsGivenUpAndRecordedAtTheNextCrash() {
		FileSystemRef fs = startPoisonedFileSystem(new RestartIntensity(2, Duration.ofMinutes(1)));
		Crashes.survivesExactly(2, () -> PoisonedFile.crash(fs), () -> PoisonedFile.serves(fs),
				() -> !fs.isAlive() && this.fileSystems.findFileSystem("user:dana").isEmpty());
		assertThat(this.failures.recent()).singleElement()
			.satisfies((failure) -> assertThat(failure.key()).isEqualTo(ProcessKey.fileSystem("user:dana")));
		assertThat(this.fileSystems.listFileSystems()).isEmpty();
	}

	@Test
	void crashesFurtherApartThanTheRestartWindowNeverGiveAFileSystemUp() {
		Duration window = Duration.ofMillis(200);
		FileSystemRef fs = startPoisonedFileSystem(new RestartIntensity(1, window));
		Crashes.survivesCrashesFurtherApartThan(window, 3, () -> PoisonedFile.crash(fs), () -> PoisonedFile.serves(fs));
		assertThat(this.fileSystems.findFileSystem("user:dana")).containsSame(fs);
		assertThat(this.failures.recent()).isEmpty();
	}

	@Test
	void theHostingListenerHearsOfEachFileSystemStartingBeforeItRunsStartedAndEndedAndOfEachCastItEndedBefore() {
		this.fileSystems.startFileSystem("user:fred");
		FileSystemRef fs = this.fileSystems.startFileSystem("user:fred").ref();
		fs.writeText("a.md", "a");
		assertThat(this.fileSystems.stopFileSystem("user:fred")).isTrue();
		fs.cast(new FileSystemCommand.Delete("a.md"));

		// The write's debounce timer still fires, at the dead file system; it is no cast of anyone's.
		CompletableFuture<Void> pastTheDebounce = new CompletableFuture<>();
		this.runtime.timer().schedule(() -> pastTheDebounce.complete(null), 200, TimeUnit.MILLISECONDS);
		assertThat(pastTheDebounce).succeedsWithin(TIMEOUT);
		assertThat(this.hosting.notices).containsExactly("starting filesystem:user:fred", "started filesystem:user:fred",
				"starting filesystem:user:fred (running)", "not started filesystem:user:fred",
				"ended filesystem:user:fred STOPPED", "undelivered filesystem:user:fred Delete[path=a.md]");
		assertThat(this.failures.recent()).as("a stop is no failure").isEmpty();
	}

	@Test
	void whileTheRegistryDrainsStopAndListAreRefusedButTheNodeStillReachesWhatItHosts() {
		this.fileSystems.ensureFileSystem("user:gina").writeText("a.md", "a");
		this.registry.drain();
		assertThatThrownBy(() -> this.fileSystems.stopFileSystem("user:gina"))
			.isInstanceOf(RegistryUnavailableException.class);
		assertThatThrownBy(() -> this.fileSystems.listFileSystems()).isInstanceOf(RegistryUnavailableException.class);

		assertThat(this.fileSystems.listHosted()).singleElement().satisfies((info) -> {
			assertThat(info.scope()).isEqualTo("user:gina");
			assertThat(info.node()).isEqualTo("n1");
			assertThat(info.files()).isOne();
		});
		assertThat(this.fileSystems.stopHosted("user:gina", ExitReason.SHUTDOWN)).isTrue();
		assertThat(this.fileSystems.listHosted()).isEmpty();
		assertThat(this.base.resolve("user%3Agina").resolve("a.md")).hasContent("a");
	}

	@Test
	void aScopeNobodyHostsOrNobodyCouldHaveIsFoundNowhereAndStopsNothing() {
		assertThat(this.fileSystems.stopFileSystem("user:nobody")).isFalse();
		for (String invalid : new String[] { "../../etc", "" }) {
			assertThat(this.fileSystems.findFileSystem(invalid)).as(invalid).isEmpty();
			assertThat(this.fileSystems.stopFileSystem(invalid)).as(invalid).isFalse();
			assertThat(this.fileSystems.stopHosted(invalid, ExitReason.SHUTDOWN)).as(invalid).isFalse();
		}
	}

	@Test
	void nodeStopFlushesTheWritesStillWaitingForTheirDebounce() {
		restartNode(settings(NEVER_DUE, RestartIntensity.defaults()));
		this.fileSystems.ensureFileSystem("user:hank").writeText("a.md", "pending");
		this.fileSystems.ensureFileSystem("user:ivy").writeText("b.md", "pending too");
		this.fileSystems.stop();
		assertThat(this.base.resolve("user%3Ahank").resolve("a.md")).hasContent("pending");
		assertThat(this.base.resolve("user%3Aivy").resolve("b.md")).hasContent("pending too");
		assertThat(this.fileSystems.listHosted()).isEmpty();
	}

	@Test
	void aFileSystemStoppedForAConflictLeavesPersistenceToTheCopyThatWon() throws Exception {
		restartNode(settings(NEVER_DUE, RestartIntensity.defaults()));
		Path stored = this.base.resolve("user%3Ajay").resolve("a.md");
		Files.createDirectories(stored.getParent());
		Files.writeString(stored, "the winner's");
		FileSystemRef loser = this.fileSystems.ensureFileSystem("user:jay");
		loser.writeText("a.md", "the loser's");

		assertThat(this.fileSystems.stopHosted("user:jay", ExitReason.CONFLICT)).isTrue();
		assertThat(stored).hasContent("the winner's");
		assertThat(this.hosting.notices).endsWith("ended filesystem:user:jay CONFLICT");
	}

	@Test
	void aMessageThatIsNoFileSystemCommandCrashesTheFileSystemWhichKeepsTheWritesMadeBefore() {
		restartNode(settings(NEVER_DUE, RestartIntensity.defaults()));
		FileSystemRef fs = this.fileSystems.ensureFileSystem("user:kim");
		fs.writeText("a.md", "kept");
		assertThatThrownBy(() -> fs.callAndWait("hello", Object.class, TIMEOUT)).isInstanceOf(ProcessFailedException.class)
			.rootCause()
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("A file system handles FileSystemCommand messages, not hello");
		assertThat(fs.isAlive()).isTrue();
		assertThat(fs.readText("a.md")).contains("kept");
		assertThat(this.base.resolve("user%3Akim").resolve("a.md")).hasContent("kept");
	}

	@Test
	void aFileSystemNamesItsScopeNodeAndFileCount() {
		FileSystemRef fs = this.fileSystems.ensureFileSystem("user:lea");
		fs.writeText("a.md", "a");
		assertThat(fs).hasToString("FileSystemProcess[filesystem:user:lea@n1]{files=1}");
	}

	@Test
	void anAgentStartedWithoutAScopeIsToldSoWhenItAsksForItsFileSystem() {
		AgentRef agent = this.agents.startAgent(AgentSpec.of("homeless")).ref();
		assertThatThrownBy(() -> agent.callAndWait("write plan.md", String.class, TIMEOUT))
			.isInstanceOf(ProcessFailedException.class)
			.rootCause()
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("Agent homeless was started without a file-system scope");
		assertThat(this.fileSystems.listFileSystems()).isEmpty();
	}

	@Test
	void anAgentWhoseFileSystemWasStoppedGetsItStartedAgainAtItsNextUse() {
		AgentRef agent = this.agents.startAgent(AgentSpec.of("writer").withFileSystemScope("team:2")).ref();
		agent.callAndWait("write plan.md", String.class, TIMEOUT);
		assertThat(this.fileSystems.stopFileSystem("team:2")).isTrue();
		assertThat(agent.callAndWait("read plan.md", String.class, TIMEOUT)).isEqualTo("written by writer");
		assertThat(this.fileSystems.isRunning("team:2")).isTrue();
	}

	private void restartNode(FileSystemSettings settings) {
		stopNode();
		startNode(new DiskFileSystemPersistence(this.base), settings);
	}

	/** Restarts the node with {@code restartIntensity} for file systems, and starts one that crashes on request. */
	private FileSystemRef startPoisonedFileSystem(RestartIntensity restartIntensity) {
		stopNode();
		startNode(PoisonedFile.persistence(), settings(Duration.ofMillis(100), restartIntensity));
		return this.fileSystems.ensureFileSystem("user:dana");
	}

	/** Writes and reads files of its scope: "write PATH" or "read PATH". */
	static class Scribe extends TestAgent<String> {

		Scribe() {
			super(String.class, "");
		}

		@Override
		public AgentResult<String> handle(String state, Object message, AgentContext context) {
			String[] words = ((String) message).split(" ");
			if (words[0].equals("write")) {
				context.fileSystem().write(words[1], ("written by " + context.agentId()).getBytes(StandardCharsets.UTF_8));
				return AgentResult.reply(state, "ok");
			}
			return AgentResult.reply(state, context.fileSystem().readText(words[1]).orElse(null));
		}

	}

}
