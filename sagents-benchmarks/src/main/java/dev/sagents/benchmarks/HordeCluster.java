package dev.sagents.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.springframework.context.ConfigurableApplicationContext;

import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.cluster.ClusterView;
import dev.sagents.cluster.Member;
import dev.sagents.cluster.MemberStatus;
import dev.sagents.cluster.SagentsInstance;

/**
 * The horde and persistence benchmarks' cluster of three members on 127.0.0.1: the driver, whose
 * application context runs in this JVM, and two member JVMs it launches ({@link MemberProcess}),
 * each with the starter's defaults but for the ports, join members, node name, a data directory of
 * its own under a temporary one, and the benchmark's own properties. It replaces a member that left
 * with a new JVM, reads the heap of every member, and on {@link #close()} kills every JVM it
 * launched (in a shutdown hook too), closes the driver's context and deletes the data.
 */
final class HordeCluster implements AutoCloseable {

	/** The node name of the member in this JVM. */
	static final String DRIVER = "driver";

	/** The horde benchmark's first port (docs/benchmarks.md). */
	static final int HORDE_PORT = 6400;

	/** The ports the members look for each other on, from the first: three members and two replacements. */
	static final int JOIN_PORTS = 5;

	private final List<String> memberJvmOptions;

	private final int firstPort;

	/** Every member looks for the others on the first five ports; replacements take a freed one. */
	private final String joinMembers;

	private final List<String> properties;

	private final Path dataDirectory;

	/** Every member JVM launched, dead or alive, so that all are killed at the end. */
	private final List<MemberProcess> launched = new ArrayList<>();

	/** The member JVMs in the cluster now. */
	private final List<MemberProcess> members = new ArrayList<>();

	private ConfigurableApplicationContext driver;

	private AgentsSupervisor supervisor;

	private ClusterView view;

	/** The Hazelcast member sagents started in this JVM. */
	private HazelcastInstance driverMember;

	/**
	 * Creates the data directory and the shutdown hook; {@link #start()} starts the members.
	 * @param memberJvmOptions the options of every member JVM launched
	 * @param firstPort the first port of the members, which join each other on it and the next four
	 * @param properties more {@code --name=value} properties of every member
	 */
	HordeCluster(List<String> memberJvmOptions, int firstPort, List<String> properties) throws IOException {
		this.memberJvmOptions = memberJvmOptions;
		this.firstPort = firstPort;
		this.joinMembers = Stream.iterate(firstPort, (port) -> port + 1)
			.limit(JOIN_PORTS)
			.map((port) -> "127.0.0.1:" + port)
			.collect(Collectors.joining(","));
		this.properties = properties;
		this.dataDirectory = Files.createTempDirectory("sagents-horde-benchmark");
		Runtime.getRuntime().addShutdownHook(new Thread(this::killMembers, "kill benchmark members"));
	}

	/**
	 * Starts the driver in this JVM and two member JVMs, and waits until the three form the
	 * cluster; returns the common pool parallelism of each ({@code driver 2, member-1 2, ...}).
	 */
	String start() throws Exception {
		this.driver = BenchmarkApplication.start(memberProperties(DRIVER).toArray(String[]::new));
		this.supervisor = this.driver.getBean(AgentsSupervisor.class);
		this.view = this.driver.getBean(ClusterView.class);
		this.driverMember = Hazelcast.getHazelcastInstanceByName(HazelcastRoundTrip.INSTANCE_NAME_PREFIX + DRIVER);
		List<MemberProcess> first = List.of(launch(), launch());
		StringBuilder parallelism = new StringBuilder(DRIVER + " " + ForkJoinPool.getCommonPoolParallelism());
		for (MemberProcess member : first) {
			parallelism.append(", ").append(member.node()).append(' ').append(member.awaitReady(Await.AT_MOST));
			this.members.add(member);
		}
		awaitCluster();
		return parallelism.toString();
	}

	/** The driver's supervisor, through which the benchmark starts, finds and stops agents. */
	AgentsSupervisor supervisor() {
		return this.supervisor;
	}

	/** The driver's view of the cluster: live nodes, members, agents hosted per node. */
	ClusterView view() {
		return this.view;
	}

	/** The Hazelcast member sagents started in this JVM. */
	HazelcastInstance driverMember() {
		return this.driverMember;
	}

	/** The member JVMs in the cluster now (the driver aside). */
	List<MemberProcess> members() {
		return List.copyOf(this.members);
	}

	/** Kills a member that left the cluster, or was made to, and stops counting it as one. */
	void remove(MemberProcess member) throws InterruptedException {
		member.close();
		this.members.remove(member);
	}

	/**
	 * Asks {@code member} to leave gracefully (it hands its agents off), waits until its JVM ended
	 * and the cluster counts one member less.
	 */
	void leave(MemberProcess member) throws Exception {
		member.exit();
		if (!member.awaitExit(Await.AT_MOST)) {
			throw new IllegalStateException("Member " + member.node() + " did not leave within " + Await.AT_MOST);
		}
		remove(member);
		awaitCluster();
	}

	/** Starts a member in place of one that left, and waits until the cluster counts three members again. */
	void replace() throws Exception {
		MemberProcess member = launch();
		member.awaitReady(Await.AT_MOST);
		this.members.add(member);
		awaitCluster();
	}

	/** The used heap after GC of every member, by node; the members collect at the same time. */
	Map<String, Long> heapPerNode() throws InterruptedException {
		this.members.forEach(MemberProcess::requestHeap);
		Map<String, Long> heap = new LinkedHashMap<>();
		heap.put(DRIVER, Measurements.usedHeapAfterGc());
		for (MemberProcess member : this.members) {
			heap.put(member.node(), member.awaitHeap());
		}
		return heap;
	}

	/** Kills every member JVM, closes the driver's context and deletes the data directory. */
	@Override
	public void close() throws IOException {
		killMembers();
		if (this.driver != null) {
			this.driver.close();
		}
		try (Stream<Path> paths = Files.walk(this.dataDirectory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/**
	 * The {@code --name=value} arguments of member {@code node}: the defaults, but for ports, node
	 * name, data and the benchmark's properties.
	 */
	private List<String> memberProperties(String node) {
		List<String> properties = new ArrayList<>(List.of("--sagents.distribution=horde", "--sagents.node-name=" + node,
				"--sagents.horde.network.port=" + this.firstPort, "--sagents.horde.network.join-members=" + this.joinMembers,
				"--sagents.filesystem.base-directory=" + this.dataDirectory.resolve(node)));
		properties.addAll(this.properties);
		return properties;
	}

	private MemberProcess launch() throws IOException {
		String node = "member-" + (this.launched.size() + 1);
		MemberProcess member = MemberProcess.launch("horde-member", node, this.memberJvmOptions,
				memberProperties(node));
		this.launched.add(member);
		return member;
	}

	/** Waits until every member runs its supervisor and the three member sets agree with the live nodes. */
	private void awaitCluster() throws InterruptedException {
		Await.until(this::formed, () -> "The cluster did not form: " + this.view.members());
	}

	private boolean formed() {
		List<Member> members = this.view.members().get(SagentsInstance.AGENTS_SUPERVISOR);
		return this.view.consistent() && members.size() == this.members.size() + 1
				&& members.stream().allMatch((member) -> member.status() == MemberStatus.ALIVE);
	}

	private void killMembers() {
		MemberProcess.closeAll(this.launched);
	}

}
