package dev.sagents.horde;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import tools.jackson.databind.json.JsonMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentPersistence;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.NamedAgentBehaviorResolver;
import dev.sagents.autoconfigure.HandlerExecutors;
import dev.sagents.cluster.MembersMode;
import dev.sagents.cluster.UniformDistribution;
import dev.sagents.codec.JsonMessageCodec;
import dev.sagents.codec.MessageCodec;
import dev.sagents.codec.Transit;
import dev.sagents.codec.TrustedTypes;
import dev.sagents.filesystem.DiskFileSystemPersistence;
import dev.sagents.filesystem.FileSystemPersistence;
import dev.sagents.filesystem.FileSystemSettings;
import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.metrics.SagentsMetrics;
import dev.sagents.metrics.micrometer.MicrometerSagentsMetrics;
import dev.sagents.metrics.micrometer.SagentsMeterBinder;
import dev.sagents.observation.SagentsObservations;
import dev.sagents.observation.micrometer.MicrometerSagentsObservations;
import dev.sagents.persistence.AgentStateStore;
import dev.sagents.persistence.AgentStorage;
import dev.sagents.persistence.FencedAgentStorage;
import dev.sagents.persistence.FileSystemStorage;
import dev.sagents.persistence.StateWriter;
import dev.sagents.persistence.WriteMode;
import dev.sagents.process.ProcessKey;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.supervisor.SagentsSupervisor;
import dev.sagents.testsupport.LoopbackMembers;
import dev.sagents.testsupport.TestTracing;

import static org.awaitility.Awaitility.await;

/**
 * Real Hazelcast members in this JVM, each a complete sagents node wired as the auto-configuration
 * wires it, on 127.0.0.1 only, with multicast, auto-detection and phone-home off.
 */
final class HordeTestCluster implements AutoCloseable {

	/** How many ports, from the base port on, the members take and look for each other on. */
	static final int PORTS = 5;

	private final int basePort;

	private final String clusterName;

	private final Map<String, AgentBehavior<?>> behaviors;

	/** How long a request between members may take on the nodes started from now on. */
	private Duration requestTimeout = Duration.ofSeconds(15);

	/** How the agents behave on the nodes started from now on. */
	private AgentSettings agentSettings;

	/** What the nodes started from now on do when a member joins. */
	private HordeSettings.Rebalance rebalance = HordeSettings.Rebalance.PASSIVE;

	/** Where the file systems of the nodes started from now on keep their files. */
	private FileSystemStorage fileSystemStorage;

	/** How the file systems behave on the nodes started from now on. */
	private FileSystemSettings fileSystemSettings = FileSystemSettings.defaults();

	/** The codec of the nodes started from now on: JSON, trusting this package. */
	private MessageCodec codec = new JsonMessageCodec(JsonMapper.builder().build(),
			new TrustedTypes(List.of("dev.sagents.horde"), List.of(), getClass().getClassLoader()));

	/** Whether the nodes started from now on verify local values through the codec. */
	private boolean verifyLocal;

	/** How many messages a mailbox may hold on the nodes started from now on. */
	private int mailboxCapacity = LocalProcessRuntime.DEFAULT_MAILBOX_CAPACITY;

	/** How many bytes an encoded message may have on the nodes started from now on. */
	private long maxMessageBytes = HordeSettings.DEFAULT_MAX_MESSAGE_BYTES;

	/** Whether the nodes started from now on report to their own {@link TestNode#meters}. */
	private boolean metered;

	/** Whether the nodes started from now on observe calls and casts into their own {@link TestNode#tracing}. */
	private boolean traced;

	final SharedAgentPersistence persistence = new SharedAgentPersistence();

	/** What the agents of the nodes started from now on persist through. */
	private AgentStorage agentStorage = AgentStorage.of(this.persistence);

	/** The fenced storages made by {@link #fencedStore}, closed with the cluster. */
	private final List<FencedAgentStorage> fencedStorages = new ArrayList<>();

	final List<TestNode> nodes = new ArrayList<>();

	/**
	 * @param basePort the first of {@link #PORTS} ports the members use and look for each other on,
	 * usually {@code FreePorts.block(PORTS)}
	 * @param clusterName the Hazelcast cluster name, usually {@code FreePorts.clusterName(...)}: members
	 * of another name never join these
	 */
	HordeTestCluster(int basePort, String clusterName, Path fileSystems, AgentSettings agentSettings,
			Map<String, AgentBehavior<?>> behaviors) {
		this.basePort = basePort;
		this.clusterName = clusterName;
		this.fileSystemStorage = FileSystemStorage.of(new DiskFileSystemPersistence(fileSystems));
		this.agentSettings = agentSettings;
		this.behaviors = behaviors;
	}

	/** Makes the nodes started from now on report their meters, as the auto-configuration wires them. */
	HordeTestCluster metered() {
		this.metered = true;
		return this;
	}

	/**
	 * Sets how many messages a mailbox may hold and how many bytes an encoded message may have, on
	 * the nodes started from now on.
	 */
	HordeTestCluster limits(int mailboxCapacity, long maxMessageBytes) {
		this.mailboxCapacity = mailboxCapacity;
		this.maxMessageBytes = maxMessageBytes;
		return this;
	}

	/** Makes the nodes started from now on observe calls and casts, each into its own test tracer. */
	HordeTestCluster traced() {
		this.traced = true;
		return this;
	}

	/** Sets how long a request between members may take, on the nodes started from now on. */
	HordeTestCluster requestTimeout(Duration timeout) {
		this.requestTimeout = timeout;
		return this;
	}

	/** Sets what the nodes started from now on do when a member joins. */
	HordeTestCluster rebalance(HordeSettings.Rebalance rebalance) {
		this.rebalance = rebalance;
		return this;
	}

	/**
	 * Sets how agents behave on the nodes started from now on: an agent follows the settings of
	 * the node that hosts it.
	 */
	HordeTestCluster agentSettings(AgentSettings settings) {
		this.agentSettings = settings;
		return this;
	}

	/**
	 * Sets the codec of the nodes started from now on, which their agents also check local
	 * values with, or send them through when {@code verifyLocal} is set, as the auto-configuration
	 * wires it.
	 */
	HordeTestCluster codec(MessageCodec codec, boolean verifyLocal) {
		this.codec = codec;
		this.verifyLocal = verifyLocal;
		return this;
	}

	/** Sets where file systems keep their files and how they behave, on the nodes started from now on. */
	HordeTestCluster fileSystems(FileSystemPersistence persistence, FileSystemSettings settings) {
		return fileSystems(FileSystemStorage.of(persistence), settings);
	}

	/** Sets what the file systems persist through and how they behave, on the nodes started from now on. */
	HordeTestCluster fileSystems(FileSystemStorage storage, FileSystemSettings settings) {
		this.fileSystemStorage = storage;
		this.fileSystemSettings = settings;
		return this;
	}

	/**
	 * Sets what the agents of the nodes started from now on persist through; by default the
	 * {@link #persistence} every node shares, unfenced.
	 */
	HordeTestCluster agentStorage(AgentStorage storage) {
		this.agentStorage = storage;
		return this;
	}

	/**
	 * Sets the agents of the nodes started from now on to persist through {@code store}, fenced,
	 * write-through, with states of up to a MiB: {@link #fencedStore(AgentStateStore, long)}.
	 */
	HordeTestCluster fencedStore(AgentStateStore store) {
		return fencedStore(store, 1024 * 1024);
	}

	/**
	 * Sets the agents of the nodes started from now on to persist through {@code store}, fenced,
	 * write-through, with this cluster's codec and states of up to {@code maxStateSize} bytes
	 * encoded, as the auto-configuration wires a store; the storage is closed with the cluster.
	 * Call it before each node starts: each node writes through its own storage.
	 */
	HordeTestCluster fencedStore(AgentStateStore store, long maxStateSize) {
		FencedAgentStorage storage = new FencedAgentStorage(store, this.codec,
				new StateWriter(store, WriteMode.WRITE_THROUGH, Duration.ofMillis(100)), maxStateSize);
		this.fencedStorages.add(storage);
		return agentStorage(storage);
	}

	/** The codec of the nodes started from now on. */
	MessageCodec codec() {
		return this.codec;
	}

	/** Starts a node named {@code name}; it joins the members already running. */
	TestNode start(String name) {
		return start(name, memberConfig(name));
	}

	/** Starts a node named {@code name} on {@code config}, usually a {@link #memberConfig} changed. */
	TestNode start(String name, Config config) {
		TestNode node = new TestNode(name, config, true);
		node.start();
		this.nodes.add(node);
		return node;
	}

	/**
	 * Starts a proxy node named {@code name} on {@code config}: it runs no sagents supervisor, joins
	 * the horde without hosting and reaches every process from there.
	 */
	TestNode startProxy(String name, Config config) {
		TestNode node = new TestNode(name, config, false);
		node.start();
		this.nodes.add(node);
		return node;
	}

	/** Waits until every node started sees each node that hosts as a host, as placement does. */
	void awaitAllHosting() {
		int count = (int) this.nodes.stream().filter((node) -> node.hosting).count();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.nodes.stream().allMatch((node) -> node.node.membership().hostIds().size() == count));
	}

	/** The behaviour of agent type {@code type}. */
	AgentBehavior<?> behavior(String type) {
		return this.behaviors.get(type);
	}

	/** The node named {@code name}. */
	TestNode node(String name) {
		return this.nodes.stream().filter((node) -> node.name.equals(name)).findFirst().orElseThrow();
	}

	/** An agent id, {@code aimed-<from>} or after, that {@code node} owns by placement: to aim at a member. */
	String idOwnedBy(String node, int from) {
		return ownedBy(node, "aimed-", from, ProcessKey::agent);
	}

	/** A file-system scope that {@code node} owns by placement. */
	String scopeOwnedBy(String node) {
		return ownedBy(node, "scope:", 0, ProcessKey::fileSystem);
	}

	private String ownedBy(String nodeName, String prefix, int from, Function<String, ProcessKey> key) {
		TestNode target = node(nodeName);
		List<String> hosts = target.node.membership().hostIds();
		for (int i = from;; i++) {
			String id = prefix + i;
			if (UniformDistribution.owner(key.apply(id), hosts).orElseThrow().equals(target.member())) {
				return id;
			}
		}
	}

	Config memberConfig(String name) {
		return LoopbackMembers.config(this.clusterName, this.clusterName + "-" + name, this.basePort, PORTS);
	}

	@Override
	public void close() {
		for (TestNode node : this.nodes) {
			node.stopQuietly();
		}
		this.fencedStorages.forEach(FencedAgentStorage::close);
	}

	/** One sagents node: a member, a runtime and the three pieces. */
	final class TestNode {

		final String name;

		private final Config config;

		HazelcastInstance hazelcast;

		final ExecutorService executor = HandlerExecutors.byDefault();

		final LocalProcessRuntime runtime;

		/** This node's meters, when the cluster is {@link #metered()}. */
		final SimpleMeterRegistry meters = new SimpleMeterRegistry();

		/** This node's observations and spans, when the cluster is {@link #traced()}. */
		final TestTracing tracing = new TestTracing();

		final HordeNode node;

		final HordeProcessRegistry registry;

		final HordeAgentsSupervisor agents;

		final HordeFileSystemSupervisor fileSystems;

		final HordeClusterView view;

		final SagentsSupervisor supervisor;

		/** Whether the node runs its supervisor; a proxy node does not. */
		final boolean hosting;

		/** The processes this node gave up after too many crashes. */
		final ProcessFailureLog failures = new ProcessFailureLog(10);

		private boolean stopped;

		TestNode(String name, Config config, boolean hosting) {
			this.name = name;
			this.config = config;
			this.hosting = hosting;
			MessageCodec codec = HordeTestCluster.this.codec;
			this.runtime = new LocalProcessRuntime(name, this.executor,
					Transit.through(codec, HordeTestCluster.this.verifyLocal),
					HordeTestCluster.this.metered ? new MicrometerSagentsMetrics(this.meters) : SagentsMetrics.NONE,
					HordeTestCluster.this.mailboxCapacity,
					HordeTestCluster.this.traced ? new MicrometerSagentsObservations(this.tracing.registry)
							: SagentsObservations.NONE);
			this.node = new HordeNode(new HazelcastMemberProvider() {

				@Override
				public HazelcastInstance start() {
					TestNode.this.hazelcast = Hazelcast.newHazelcastInstance(TestNode.this.config);
					return TestNode.this.hazelcast;
				}

				@Override
				public void stop() {
					TestNode.this.hazelcast.shutdown();
				}

			}, this.runtime, codec, new HordeSettings(name, MembersMode.PARTICIPATION, null, HordeTestCluster.this.requestTimeout,
					Duration.ofSeconds(1), HordeTestCluster.this.maxMessageBytes, HordeTestCluster.this.rebalance));
			this.registry = new HordeProcessRegistry(this.node);
			this.fileSystems = new HordeFileSystemSupervisor(this.node, HordeTestCluster.this.fileSystemStorage,
					HordeTestCluster.this.fileSystemSettings, this.failures);
			this.agents = new HordeAgentsSupervisor(this.node,
					new NamedAgentBehaviorResolver(HordeTestCluster.this.behaviors, null),
					HordeTestCluster.this.agentStorage, this.fileSystems, HordeTestCluster.this.agentSettings,
					this.failures);
			this.view = new HordeClusterView(this.node);
			if (HordeTestCluster.this.metered) {
				new SagentsMeterBinder(new HordeHostedLoad(this.node), this.view).bindTo(this.meters);
			}
			this.supervisor = new SagentsSupervisor(this.registry, this.agents, this.fileSystems);
		}

		void start() {
			if (this.hosting) {
				this.supervisor.start();
			}
			else {
				this.registry.startWithoutHosting();
			}
		}

		/** Leaves gracefully: processes persist and are handed over, then the member shuts down. */
		void stop() {
			if (this.hosting) {
				this.supervisor.stop();
			}
			else {
				this.registry.drain();
				this.registry.stop();
			}
			release();
		}

		/** Dies: the member is terminated without a goodbye, as if its process was killed. */
		void crash() {
			this.hazelcast.getLifecycleService().terminate();
			this.executor.shutdownNow();
			this.runtime.close();
			this.stopped = true;
		}

		void stopQuietly() {
			if (!this.stopped) {
				try {
					stop();
				}
				catch (RuntimeException ex) {
					this.hazelcast.getLifecycleService().terminate();
					release();
				}
			}
		}

		private void release() {
			this.stopped = true;
			this.runtime.close();
			this.executor.shutdownNow();
		}

		String member() {
			return this.hazelcast.getCluster().getLocalMember().getUuid().toString();
		}

	}

	/** Agent state shared by every node, as a database would be. */
	static final class SharedAgentPersistence implements AgentPersistence {

		final Map<String, Object> states = new ConcurrentHashMap<>();

		@Override
		public void persistState(String agentId, Object state, PersistencePoint point) {
			this.states.put(agentId, state);
		}

		@Override
		public <S> Optional<S> loadState(String agentId, Class<S> stateType) {
			return Optional.ofNullable(this.states.get(agentId)).map(stateType::cast);
		}

	}

}
