package dev.sagents.horde;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

import com.hazelcast.config.Config;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import dev.sagents.agent.AgentPersistence;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSession;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentStatus;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.agent.NamedAgentBehaviorResolver;
import dev.sagents.autoconfigure.HandlerExecutors;
import dev.sagents.cluster.MembersMode;
import dev.sagents.cluster.UniformDistribution;
import dev.sagents.codec.EncodedValue;
import dev.sagents.codec.JsonMessageCodec;
import dev.sagents.codec.MessageCodec;
import dev.sagents.codec.TrustedTypes;
import dev.sagents.codec.compact.CompactMessageCodec;
import dev.sagents.filesystem.DiskFileSystemPersistence;
import dev.sagents.filesystem.FileSystemPaths;
import dev.sagents.filesystem.FileSystemRef;
import dev.sagents.filesystem.FileSystemSettings;
import dev.sagents.filesystem.FileSystemSupervisor;
import dev.sagents.local.LocalAgentsSupervisor;
import dev.sagents.local.LocalFileSystemSupervisor;
import dev.sagents.local.LocalProcessRegistry;
import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.persistence.AgentStorage;
import dev.sagents.persistence.FileSystemStorage;
import dev.sagents.persistence.disk.DiskFileSystemStore;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessRef;
import dev.sagents.registry.ProcessRegistry;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.supervisor.RestartIntensity;
import dev.sagents.supervisor.SagentsSupervisor;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every public entry point refuses {@code null} where it needs a value with an
 * {@link IllegalArgumentException} naming the argument, in both backends, before it does anything:
 * never a {@link NullPointerException} from somewhere inside, never a message sent or a process
 * crashed. (In this package to build horde references without a cluster: their checks come before
 * the node is asked anything, and the node here would fail the test if it were.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NullArgumentsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@TempDir
	static Path fileSystems;

	private ExecutorService executor;

	private LocalProcessRuntime runtime;

	private LocalProcessRegistry localRegistry;

	private LocalAgentsSupervisor localAgents;

	private LocalFileSystemSupervisor localFileSystems;

	private HordeNode node;

	@BeforeAll
	void startLocalNode() {
		this.executor = HandlerExecutors.byDefault();
		this.runtime = new LocalProcessRuntime("n1", this.executor);
		this.localRegistry = new LocalProcessRegistry();
		ProcessFailureLog failures = new ProcessFailureLog(10);
		this.localFileSystems = new LocalFileSystemSupervisor(this.runtime, this.localRegistry,
				FileSystemStorage.of(new DiskFileSystemPersistence(fileSystems)), FileSystemSettings.defaults(), failures);
		this.localAgents = new LocalAgentsSupervisor(this.runtime, this.localRegistry, behaviors(),
				AgentStorage.of(AgentPersistence.none()), this.localFileSystems, AgentSettings.defaults(), failures);
		this.localRegistry.start();
		// Never started: no Hazelcast member runs, and every check below comes before the node is asked.
		this.node = new HordeNode(new OwnedHazelcastMemberProvider(new Config()), this.runtime, jsonCodec(),
				new HordeSettings("n1", MembersMode.AUTO, null, TIMEOUT, TIMEOUT));
	}

	@AfterAll
	void stopLocalNode() {
		this.localRegistry.drain();
		this.localAgents.stop();
		this.localFileSystems.stop();
		this.localRegistry.stop();
		this.runtime.close();
		this.executor.shutdownNow();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("entryPoints")
	void nullIsRefusedNamingTheArgument(String entryPoint, String argument, ThrowingCallable call) {
		assertThatIllegalArgumentException().as(entryPoint)
			.isThrownBy(call)
			.withMessage("'" + argument + "' must not be null");
	}

	Stream<Arguments> entryPoints() {
		ProcessFailureLog failures = new ProcessFailureLog(10);
		HordeFileSystemSupervisor hordeFileSystems = new HordeFileSystemSupervisor(this.node,
				FileSystemStorage.of(new DiskFileSystemPersistence(fileSystems)), FileSystemSettings.defaults(), failures);
		HordeAgentsSupervisor hordeAgents = new HordeAgentsSupervisor(this.node, behaviors(),
				AgentStorage.of(AgentPersistence.none()),
				hordeFileSystems, AgentSettings.defaults(), failures);
		ProcessCalls unreachable = new UnreachableNode();
		List<Table> tables = List.of(values(), codecs(),
				supervisors("local", this.localAgents, this.localFileSystems, this.localRegistry),
				supervisors("horde", hordeAgents, hordeFileSystems, new HordeProcessRegistry(this.node)),
				references("local", this.localAgents.startAgent(AgentSpec.of("a1")).ref(),
						this.localFileSystems.ensureFileSystem("s1")),
				references("horde",
						new HordeAgentRef(unreachable, ProcessKey.agent("a1"), "host", "n2", TIMEOUT),
						new HordeFileSystemRef(unreachable, ProcessKey.fileSystem("s1"), "host", "n2", TIMEOUT)));
		return tables.stream().flatMap(Table::rows);
	}

	/** Keys, specs, settings and the other values and helpers of the API. */
	private Table values() {
		return new Table("").row("new ProcessKey(kind)", "kind", () -> new ProcessKey(null, "a1"))
			.row("new ProcessKey(id)", "id", () -> new ProcessKey(ProcessKind.AGENT, null))
			.row("ProcessKey.agent", "id", () -> ProcessKey.agent(null))
			.row("ProcessKey.fileSystem", "scope", () -> ProcessKey.fileSystem(null))
			.row("ProcessKey.parse", "text", () -> ProcessKey.parse(null))
			.row("AgentSpec.of", "id", () -> AgentSpec.of(null))
			.row("new AgentSpec", "id", () -> new AgentSpec(null, "t", "s", Map.of()))
			.row("new AgentSettings(shutdownGrace)", "shutdownGrace",
					() -> new AgentSettings(null, null, TIMEOUT, RestartIntensity.defaults()))
			.row("new AgentSettings(callTimeout)", "callTimeout",
					() -> new AgentSettings(null, TIMEOUT, null, RestartIntensity.defaults()))
			.row("new AgentSettings(restartIntensity)", "restartIntensity",
					() -> new AgentSettings(null, TIMEOUT, TIMEOUT, null))
			.row("new FileSystemSettings(persistDebounce)", "persistDebounce",
					() -> new FileSystemSettings(null, 1, 1, TIMEOUT, RestartIntensity.defaults()))
			.row("new FileSystemSettings(callTimeout)", "callTimeout",
					() -> new FileSystemSettings(TIMEOUT, 1, 1, null, RestartIntensity.defaults()))
			.row("new FileSystemSettings(restartIntensity)", "restartIntensity",
					() -> new FileSystemSettings(TIMEOUT, 1, 1, TIMEOUT, null))
			.row("new RestartIntensity", "window", () -> new RestartIntensity(1, null))
			.row("FileSystemPaths.requireValidScope", "scope", () -> FileSystemPaths.requireValidScope(null))
			.row("new DiskFileSystemPersistence", "baseDirectory", () -> new DiskFileSystemPersistence(null))
			.row("new DiskFileSystemStore", "baseDirectory", () -> new DiskFileSystemStore(null))
			.row("UniformDistribution.owner(key)", "key", () -> UniformDistribution.owner(null, List.of("m1")))
			.row("UniformDistribution.owner(candidates)", "candidates",
					() -> UniformDistribution.owner(ProcessKey.agent("a1"), null))
			.row("new AgentSession", "supervisor", () -> new AgentSession(null))
			.row("new NamedAgentBehaviorResolver", "behaviors", () -> new NamedAgentBehaviorResolver(null, null))
			.row("new SagentsSupervisor(registry)", "registry",
					() -> new SagentsSupervisor(null, this.localAgents, this.localFileSystems))
			.row("new SagentsSupervisor(agentsSupervisor)", "agentsSupervisor",
					() -> new SagentsSupervisor(this.localRegistry, null, this.localFileSystems))
			.row("new SagentsSupervisor(fileSystemSupervisor)", "fileSystemSupervisor",
					() -> new SagentsSupervisor(this.localRegistry, this.localAgents, null))
			.row("new LocalProcessRuntime(node)", "node", () -> new LocalProcessRuntime(null, this.executor))
			.row("new LocalProcessRuntime(executor)", "executor", () -> new LocalProcessRuntime("n1", null))
			.row("new HordeSettings(nodeName)", "nodeName",
					() -> new HordeSettings(null, MembersMode.AUTO, null, TIMEOUT, TIMEOUT))
			.row("new HordeSettings(membersMode)", "membersMode",
					() -> new HordeSettings("n1", null, null, TIMEOUT, TIMEOUT))
			.row("new HordeSettings(requestTimeout)", "requestTimeout",
					() -> new HordeSettings("n1", MembersMode.AUTO, null, null, TIMEOUT))
			.row("new HordeSettings(silentConnectionTimeout)", "silentConnectionTimeout",
					() -> new HordeSettings("n1", MembersMode.AUTO, null, TIMEOUT, null));
	}

	private Table codecs() {
		JsonMessageCodec json = jsonCodec();
		CompactMessageCodec compact = new CompactMessageCodec(List.of(), json);
		Table table = new Table("").row("new TrustedTypes(classLoader)", "classLoader",
				() -> new TrustedTypes(List.of(), List.of(), null))
			.row("new JsonMessageCodec(mapper)", "mapper", () -> new JsonMessageCodec(null, trustedTypes()))
			.row("new JsonMessageCodec(trustedTypes)", "trustedTypes",
					() -> new JsonMessageCodec(JsonMapper.builder().build(), null))
			.row("new CompactMessageCodec(json)", "json", () -> new CompactMessageCodec(List.of(), null));
		for (MessageCodec codec : List.of(json, compact)) {
			String name = codec.getClass().getSimpleName();
			table.row(name + ".decode(value)", "value", () -> codec.decode((EncodedValue) null))
				.row(name + ".decode(data, type)", "type", () -> codec.decode(new byte[0], null));
		}
		return table;
	}

	private static Table supervisors(String backend, AgentsSupervisor agents, FileSystemSupervisor fileSystems,
			ProcessRegistry registry) {
		AgentSession session = new AgentSession(agents);
		return new Table(backend).row("startAgent", "spec", () -> agents.startAgent(null))
			.row("findAgent", "id", () -> agents.findAgent(null))
			.row("stopAgent", "id", () -> agents.stopAgent(null))
			.row("subscribe(id)", "id", () -> agents.subscribe(null, (event) -> {
			}))
			.row("subscribe(listener)", "listener", () -> agents.subscribe("a1", null))
			.row("AgentSession.ensureRunning", "spec", () -> session.ensureRunning(null))
			.row("AgentSession.isRunning", "id", () -> session.isRunning(null))
			.row("AgentSession.fetchRunning", "id", () -> session.fetchRunning(null))
			.row("AgentSession.stop", "id", () -> session.stop(null))
			.row("startFileSystem", "scope", () -> fileSystems.startFileSystem(null))
			.row("ensureFileSystem", "scope", () -> fileSystems.ensureFileSystem(null))
			.row("findFileSystem", "scope", () -> fileSystems.findFileSystem(null))
			.row("FileSystemSupervisor.isRunning", "scope", () -> fileSystems.isRunning(null))
			.row("stopFileSystem", "scope", () -> fileSystems.stopFileSystem(null))
			.row("ProcessRegistry.lookup", "key", () -> registry.lookup(null))
			.row("ProcessRegistry.fetch", "key", () -> registry.fetch(null))
			.row("ProcessRegistry.count(kind)", "kind", () -> registry.count(null))
			.row("ProcessRegistry.keys", "kind", () -> registry.keys(null));
	}

	private static Table references(String backend, AgentRef agent, FileSystemRef fileSystem) {
		Table table = new Table(backend);
		for (ProcessRef ref : List.<ProcessRef>of(agent, fileSystem)) {
			String name = (ref == agent) ? "AgentRef." : "FileSystemRef.";
			table.row(name + "call(message)", "message", () -> ref.call(null, Object.class, TIMEOUT))
				.row(name + "call(replyType)", "replyType", () -> ref.call("m", null, TIMEOUT))
				.row(name + "call(timeout)", "timeout", () -> ref.call("m", Object.class, null))
				.row(name + "call(message) with the configured timeout", "message", () -> ref.call(null, Object.class))
				.row(name + "call(replyType) with the configured timeout", "replyType", () -> ref.call("m", null))
				.row(name + "callAndWait(message)", "message", () -> ref.callAndWait(null, Object.class, TIMEOUT))
				.row(name + "callAndWait(replyType)", "replyType", () -> ref.callAndWait("m", null, TIMEOUT))
				.row(name + "callAndWait(timeout)", "timeout", () -> ref.callAndWait("m", Object.class, null))
				.row(name + "callAndWait(message) with the configured timeout", "message",
						() -> ref.callAndWait(null, Object.class))
				.row(name + "callAndWait(replyType) with the configured timeout", "replyType",
						() -> ref.callAndWait("m", null))
				.row(name + "cast", "message", () -> ref.cast(null));
		}
		return table.row("FileSystemRef.write(path)", "path", () -> fileSystem.write(null, new byte[0]))
			.row("FileSystemRef.write(content)", "content", () -> fileSystem.write("a.md", null))
			.row("FileSystemRef.writeText(path)", "path", () -> fileSystem.writeText(null, "text"))
			.row("FileSystemRef.writeText(content)", "content", () -> fileSystem.writeText("a.md", null))
			.row("FileSystemRef.read", "path", () -> fileSystem.read(null))
			.row("FileSystemRef.readText", "path", () -> fileSystem.readText(null))
			.row("FileSystemRef.list(prefix)", "prefix", () -> fileSystem.list(null))
			.row("FileSystemRef.delete", "path", () -> fileSystem.delete(null))
			.row("FileSystemRef.move(from)", "from", () -> fileSystem.move(null, "b.md"))
			.row("FileSystemRef.move(to)", "to", () -> fileSystem.move("a.md", null));
	}

	private static NamedAgentBehaviorResolver behaviors() {
		return new NamedAgentBehaviorResolver(Map.of("tally", new Tally()), null);
	}

	private static JsonMessageCodec jsonCodec() {
		return new JsonMessageCodec(JsonMapper.builder().build(), trustedTypes());
	}

	private static TrustedTypes trustedTypes() {
		return new TrustedTypes(List.of(), List.of(), NullArgumentsTests.class.getClassLoader());
	}

	/** Rows of the table, each named with its backend when it has one. */
	private static final class Table {

		private final String backend;

		private final Stream.Builder<Arguments> rows = Stream.builder();

		Table(String backend) {
			this.backend = backend;
		}

		Table row(String entryPoint, String argument, ThrowingCallable call) {
			String name = this.backend.isEmpty() ? entryPoint : this.backend + " " + entryPoint;
			this.rows.add(Arguments.of(name, argument, call));
			return this;
		}

		Stream<Arguments> rows() {
			return this.rows.build();
		}

	}

	/** A node that fails the test when a reference reaches it: the checks must come first. */
	private static final class UnreachableNode implements ProcessCalls {

		@Override
		public CompletableFuture<Object> call(HordeProcessRef ref, Object message, Class<?> replyType,
				Duration timeout) {
			throw new AssertionError("call reached the node");
		}

		@Override
		public Object callAndWait(HordeProcessRef ref, Object message, Class<?> replyType, Duration timeout) {
			throw new AssertionError("callAndWait reached the node");
		}

		@Override
		public void cast(HordeProcessRef ref, Object message) {
			throw new AssertionError("cast reached the node");
		}

		@Override
		public AgentStatus status(HordeAgentRef ref) {
			throw new AssertionError("status reached the node");
		}

	}

}
