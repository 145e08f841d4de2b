package dev.sagents.horde;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.hazelcast.config.Config;

import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentSettings;
import dev.sagents.cluster.UniformDistribution;
import dev.sagents.codec.MessageCodec;
import dev.sagents.filesystem.DiskFileSystemPersistence;
import dev.sagents.filesystem.FileSystemPersistence;
import dev.sagents.filesystem.FileSystemSettings;
import dev.sagents.persistence.AgentStateStore;
import dev.sagents.persistence.AgentStorage;
import dev.sagents.persistence.FencedAgentStorage;
import dev.sagents.persistence.FileSystemStorage;
import dev.sagents.persistence.StateWriter;
import dev.sagents.persistence.WriteMode;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessRef;
import dev.sagents.testsupport.FreePorts;
import dev.sagents.testsupport.LoopbackMembers;

import static org.awaitility.Awaitility.await;

/**
 * Real Hazelcast members in this JVM, each a complete sagents node wired as the auto-configuration
 * wires it, on 127.0.0.1 only, with multicast, auto-detection and phone-home off. The cluster
 * starts, finds and stops its {@link HordeTestNode}s; its setters change the
 * {@link TestNodeRecipe} the nodes started from then on are made of.
 */
final class HordeTestCluster implements AutoCloseable {

	/** How many ports, from the base port on, the members take and look for each other on. */
	static final int PORTS = 5;

	private final int basePort;

	private final String clusterName;

	/** What the nodes started from now on are made of. */
	private final TestNodeRecipe recipe;

	final SharedAgentPersistence persistence = new SharedAgentPersistence();

	/** The fenced storages made by {@link #fencedStore}, closed with the cluster. */
	private final List<FencedAgentStorage> fencedStorages = new ArrayList<>();

	final List<HordeTestNode> nodes = new ArrayList<>();

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
		this.recipe = new TestNodeRecipe(behaviors, agentSettings,
				FileSystemStorage.of(new DiskFileSystemPersistence(fileSystems)), AgentStorage.of(this.persistence));
	}

	/**
	 * A cluster on a block of free ports, whose Hazelcast cluster name is made of {@code name} and
	 * unique to it; no node started yet.
	 */
	static HordeTestCluster onFreePorts(String name, Path fileSystems, AgentSettings agentSettings,
			Map<String, AgentBehavior<?>> behaviors) {
		return new HordeTestCluster(FreePorts.block(PORTS), FreePorts.clusterName(name), fileSystems, agentSettings,
				behaviors);
	}

	/** A cluster {@link #onFreePorts} whose nodes host {@link Tally} agents, of type "tally". */
	static HordeTestCluster ofTallies(String name, Path fileSystems, AgentSettings agentSettings) {
		return onFreePorts(name, fileSystems, agentSettings, Map.of("tally", new Tally()));
	}

	/** Makes the nodes started from now on report their meters, as the auto-configuration wires them. */
	HordeTestCluster metered() {
		this.recipe.metered = true;
		return this;
	}

	/**
	 * Sets how many messages a mailbox may hold and how many bytes an encoded message may have, on
	 * the nodes started from now on.
	 */
	HordeTestCluster limits(int mailboxCapacity, long maxMessageBytes) {
		this.recipe.mailboxCapacity = mailboxCapacity;
		this.recipe.maxMessageBytes = maxMessageBytes;
		return this;
	}

	/** Makes the nodes started from now on observe calls and casts, each into its own test tracer. */
	HordeTestCluster traced() {
		this.recipe.traced = true;
		return this;
	}

	/** Sets how long a request between members may take, on the nodes started from now on. */
	HordeTestCluster requestTimeout(Duration timeout) {
		this.recipe.requestTimeout = timeout;
		return this;
	}

	/** Sets what the nodes started from now on do when a member joins. */
	HordeTestCluster rebalance(HordeSettings.Rebalance rebalance) {
		this.recipe.rebalance = rebalance;
		return this;
	}

	/**
	 * Sets how agents behave on the nodes started from now on: an agent follows the settings of
	 * the node that hosts it.
	 */
	HordeTestCluster agentSettings(AgentSettings settings) {
		this.recipe.agentSettings = settings;
		return this;
	}

	/**
	 * Sets the codec of the nodes started from now on, which their agents also check local
	 * values with, or send them through when {@code verifyLocal} is set, as the auto-configuration
	 * wires it.
	 */
	HordeTestCluster codec(MessageCodec codec, boolean verifyLocal) {
		this.recipe.codec = codec;
		this.recipe.verifyLocal = verifyLocal;
		return this;
	}

	/** Sets where file systems keep their files and how they behave, on the nodes started from now on. */
	HordeTestCluster fileSystems(FileSystemPersistence persistence, FileSystemSettings settings) {
		return fileSystems(FileSystemStorage.of(persistence), settings);
	}

	/** Sets what the file systems persist through and how they behave, on the nodes started from now on. */
	HordeTestCluster fileSystems(FileSystemStorage storage, FileSystemSettings settings) {
		this.recipe.fileSystemStorage = storage;
		this.recipe.fileSystemSettings = settings;
		return this;
	}

	/**
	 * Sets what the agents of the nodes started from now on persist through; by default the
	 * {@link #persistence} every node shares, unfenced.
	 */
	HordeTestCluster agentStorage(AgentStorage storage) {
		this.recipe.agentStorage = storage;
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
		FencedAgentStorage storage = new FencedAgentStorage(store, this.recipe.codec,
				new StateWriter(store, WriteMode.WRITE_THROUGH, Duration.ofMillis(100)), maxStateSize);
		this.fencedStorages.add(storage);
		return agentStorage(storage);
	}

	/** The codec of the nodes started from now on. */
	MessageCodec codec() {
		return this.recipe.codec;
	}

	/** Starts a node named {@code name}; it joins the members already running. */
	HordeTestNode start(String name) {
		return start(name, memberConfig(name));
	}

	/** Starts a node named {@code name} on {@code config}, usually a {@link #memberConfig} changed. */
	HordeTestNode start(String name, Config config) {
		HordeTestNode node = new HordeTestNode(name, config, true, this.recipe);
		node.start();
		this.nodes.add(node);
		return node;
	}

	/**
	 * Starts a proxy node named {@code name} on {@code config}: it runs no sagents supervisor, joins
	 * the horde without hosting and reaches every process from there.
	 */
	HordeTestNode startProxy(String name, Config config) {
		HordeTestNode node = new HordeTestNode(name, config, false, this.recipe);
		node.start();
		this.nodes.add(node);
		return node;
	}

	/** Starts the nodes named {@code names}, in order, and waits until each sees every one as a host. */
	void startHosting(String... names) {
		for (String name : names) {
			start(name);
		}
		awaitAllHosting();
	}

	/**
	 * Waits until every node started and not stopped sees each such node that hosts as a host, as
	 * placement does.
	 */
	void awaitAllHosting() {
		List<HordeTestNode> running = this.nodes.stream().filter((node) -> !node.stopped()).toList();
		int count = (int) running.stream().filter((node) -> node.hosting).count();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> running.stream().allMatch((node) -> node.node.membership().hostIds().size() == count));
	}

	/**
	 * Waits, asking node {@code asked}, until every partition has its backups. A member that dies
	 * while partitions still migrate (just after another joined) may take registrations no other
	 * member holds yet: Hazelcast keeps its backups only once migrations settle. A test that kills
	 * a member to see its processes restart waits for this first.
	 */
	void awaitBackups(String asked) {
		await().atMost(Duration.ofSeconds(60)).until(() -> node(asked).hazelcast.getPartitionService().isClusterSafe());
	}

	/**
	 * Cuts node {@code victim} off from the horde: once every partition has its backup, its member
	 * is terminated while the node itself runs on. Waits until agent {@code id}, which the victim
	 * hosted, runs on {@code survivor}; answers the victim's copy of it, still running.
	 */
	ProcessRef cutOff(String victim, String survivor, String id) {
		ProcessRef copy = node(victim).node.hosted().lookupHosted(ProcessKey.agent(id)).orElseThrow();
		awaitBackups(survivor);
		node(victim).hazelcast.getLifecycleService().terminate();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> node(survivor).agents.findAgent(id).map((found) -> found.node().equals(survivor)).orElse(false));
		return copy;
	}

	/** The behaviour of agent type {@code type}. */
	AgentBehavior<?> behavior(String type) {
		return this.recipe.behaviors.get(type);
	}

	/** The node last started under {@code name}: a node stopped and started again is the new one. */
	HordeTestNode node(String name) {
		return this.nodes.stream().filter((node) -> node.name.equals(name)).reduce((first, later) -> later).orElseThrow();
	}

	/** An agent id, {@code aimed-<from>} or after, that {@code node} owns by placement: to aim at a member. */
	String idOwnedBy(String node, int from) {
		return ownedBy(node, "aimed-", from, ProcessKey::agent);
	}

	/** A file-system scope that {@code node} owns by placement. */
	String scopeOwnedBy(String node) {
		return scopeOwnedBy(node, 0);
	}

	/** A file-system scope, {@code scope:<from>} or after, that {@code node} owns by placement. */
	String scopeOwnedBy(String node, int from) {
		return ownedBy(node, "scope:", from, ProcessKey::fileSystem);
	}

	private String ownedBy(String nodeName, String prefix, int from, Function<String, ProcessKey> key) {
		HordeTestNode target = node(nodeName);
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
		for (HordeTestNode node : this.nodes) {
			node.stopQuietly();
		}
		this.fencedStorages.forEach(FencedAgentStorage::close);
	}

}
