package dev.sagents.sample.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import tools.jackson.databind.JsonNode;

import dev.sagents.sample.notes.NoteReply;
import dev.sagents.sample.web.ApiClient.Response;
import dev.sagents.testsupport.FreePorts;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sample-app JVMs in horde mode on 127.0.0.1, as the README's first recipe runs them
 * ({@code members=auto}, each node on the member sagents starts, one data directory for all, or
 * one each as in recipe 4), and what the multi-JVM tests ask of them. Each node's output is in
 * {@code <work directory>/<node>.log}.
 */
final class SampleAppCluster implements AutoCloseable {

	static final int AGENTS = 30;

	private static final List<String> INSTANCES = List.of("registry", "agentsSupervisor", "fileSystemSupervisor");

	/** Failover takes well under a second by design; this bound only keeps a broken run finite. */
	static final Duration FAILOVER = Duration.ofSeconds(60);

	/** Three JVMs starting at once on two shared cores. */
	private static final Duration STARTUP = Duration.ofSeconds(120);

	private final List<SampleAppNode> nodes = new ArrayList<>();

	private final List<String> names = new ArrayList<>();

	private final Set<String> proxies;

	/**
	 * Starts nodes {@code n1..n<count>}, each on a free HTTP port, their sagents members on a block
	 * of free ports and in a cluster named {@code clusterPrefix} and a random suffix (so that no
	 * other run's members ever join), and waits until each sees all of them alive.
	 */
	SampleAppCluster(String clusterPrefix, int count, Path workDirectory) {
		this(clusterPrefix, count, workDirectory, Map.of(), Set.of());
	}

	/**
	 * Starts nodes {@code n1..n<count>} as above, each also configured with {@code environment};
	 * those named in {@code proxies} run no sagents supervisor ({@code SAGENTS_SUPERVISOR_ENABLED=false}).
	 * Waits until each node sees all of them, alive or, for the proxies, {@code uninitialized}.
	 */
	SampleAppCluster(String clusterPrefix, int count, Path workDirectory, Map<String, String> environment,
			Set<String> proxies) {
		this(clusterPrefix, count, workDirectory, environment, proxies, DataDirectories.SHARED);
	}

	/**
	 * Starts nodes as above, with one data directory for all ({@code <work directory>/data}), as
	 * the disk store needs, or one of its own for each node ({@code <work directory>/data-<node>}),
	 * as a store in a database allows.
	 */
	SampleAppCluster(String clusterPrefix, int count, Path workDirectory, Map<String, String> environment,
			Set<String> proxies, DataDirectories dataDirectories) {
		// A previous run's agent states would change the counts this run starts from.
		FileSystemUtils.deleteRecursively(workDirectory.toFile());
		int hazelcastPort = FreePorts.block(count);
		Map<String, String> shared = new HashMap<>(Map.of("SAGENTS_DISTRIBUTION", "horde",
				"SAGENTS_HORDE_CLUSTERNAME", FreePorts.clusterName(clusterPrefix), "SAGENTS_HORDE_NETWORK_PORT",
				Integer.toString(hazelcastPort), "SAGENTS_HORDE_NETWORK_PORTCOUNT", Integer.toString(count),
				"NOTES_DATA_DIRECTORY", workDirectory.resolve("data").toString()));
		shared.putAll(environment);
		this.proxies = Set.copyOf(proxies);
		for (int i = 0; i < count; i++) {
			String name = "n" + (i + 1);
			this.names.add(name);
			Map<String, String> own = new HashMap<>(shared);
			if (proxies.contains(name)) {
				own.put("SAGENTS_SUPERVISOR_ENABLED", "false");
			}
			if (dataDirectories == DataDirectories.OWN) {
				own.put("NOTES_DATA_DIRECTORY", workDirectory.resolve("data-" + name).toString());
			}
			this.nodes.add(SampleAppNode.launch(name, FreePorts.one(), own, workDirectory));
		}
		try {
			awaitEveryNodeSeesAll();
		}
		catch (RuntimeException | Error ex) {
			// The test never gets the cluster to close: no JVM may outlive a start that failed.
			close();
			throw ex;
		}
	}

	/** Whether the nodes share one data directory. */
	enum DataDirectories {

		/** One for all nodes: what the disk store needs. */
		SHARED,

		/** One for each node: enough when state and files are in a database. */
		OWN

	}

	/**
	 * Launches node {@code number} again, as it was configured, once it has exited (killed or
	 * stopped), and waits until every node sees every node again.
	 */
	SampleAppNode relaunch(int number) {
		SampleAppNode relaunched = node(number).relaunch();
		this.nodes.set(number - 1, relaunched);
		awaitEveryNodeSeesAll();
		return relaunched;
	}

	private void awaitEveryNodeSeesAll() {
		for (SampleAppNode node : this.nodes) {
			polling(STARTUP).pollInterval(Duration.ofMillis(500))
				.failFast("node " + node.name() + " exited", () -> !node.isAlive())
				.untilAsserted(() -> assertClusterView(node, this.names, this.proxies));
		}
	}

	/** Node {@code number}, counted from 1 like the names. */
	SampleAppNode node(int number) {
		return this.nodes.get(number - 1);
	}

	List<SampleAppNode> running() {
		return this.nodes.stream().filter(SampleAppNode::isAlive).toList();
	}

	static List<String> names(List<SampleAppNode> nodes) {
		return nodes.stream().map(SampleAppNode::name).toList();
	}

	static String agentId(int index) {
		return "it-" + index;
	}

	/**
	 * Starts agents {@code it-0} to {@code it-29} through {@code via} unless they run, and sends
	 * each one message; the replies say where each runs and how many messages it has handled.
	 */
	static Map<String, NoteReply> startAgentsAndTalkToEach(SampleAppNode via) {
		Map<String, NoteReply> replies = new LinkedHashMap<>();
		for (int i = 0; i < AGENTS; i++) {
			String id = agentId(i);
			assertThat(via.api().send("PUT", "/api/agents/" + id, "").status()).as("start of %s", id).isIn(200, 201);
			Response reply = tell(via, id);
			assertThat(reply.status()).as("message to %s: %s", id, reply.body()).isEqualTo(200);
			replies.put(id, noteReply(reply));
		}
		return replies;
	}

	/** Sends one message to agent {@code id} through {@code via}: never retried, a retry would count twice. */
	static Response tell(SampleAppNode via, String id) {
		return via.api().send("POST", "/api/agents/" + id + "/messages", "{\"text\": \"hello from the IT\"}");
	}

	static NoteReply noteReply(Response response) {
		return new NoteReply(response.text("reply"), response.text("node"), response.body().get("handled").asLong());
	}

	/** The message count of each agent in {@code replies}. */
	static Map<String, Long> handledCounts(Map<String, NoteReply> replies) {
		Map<String, Long> handled = new HashMap<>();
		replies.forEach((id, reply) -> handled.put(id, reply.handled()));
		return handled;
	}

	/**
	 * Waits until {@code via} finds the agent on another node than {@code gone}, then sends it
	 * one message, once: a retried message would be counted twice. Its count goes on from
	 * {@code handled}; returns the new one.
	 */
	static long assertAnswersAgain(String id, SampleAppNode via, SampleAppNode gone, long handled) {
		polling(FAILOVER).untilAsserted(() -> {
			Response found = via.api().get("/api/agents/" + id);
			assertThat(found.status()).as("lookup of %s through %s", id, via.name()).isEqualTo(200);
			assertThat(found.text("node")).isNotEqualTo(gone.name());
		});
		Response response = tell(via, id);
		assertThat(response.status()).as("message to %s through %s: %s", id, via.name(), response.body())
			.isEqualTo(200);
		NoteReply reply = noteReply(response);
		assertThat(reply.node()).as("host of %s", id).isNotEqualTo(gone.name());
		assertThat(reply.handled()).as("messages %s has handled", id).isEqualTo(handled + 1);
		return reply.handled();
	}

	/** {@code /actuator/sagents} of {@code node} shows exactly {@code expected}, alive, in all three instances. */
	static void assertClusterView(SampleAppNode node, List<String> expected) {
		assertClusterView(node, expected, Set.of());
	}

	/**
	 * {@code /actuator/sagents} of {@code node} shows exactly {@code expected} in all three
	 * instances, under their node names: those in {@code proxies} {@code uninitialized}, the others
	 * alive.
	 */
	static void assertClusterView(SampleAppNode node, List<String> expected, Set<String> proxies) {
		Response view = node.api().get("/actuator/sagents");
		assertThat(view.status()).isEqualTo(200);
		JsonNode body = view.body();
		assertThat(body.get("joined").asBoolean()).as("%s joined", node.name()).isTrue();
		assertThat(body.get("consistent").asBoolean()).as("%s consistent: %s", node.name(), body).isTrue();
		assertThat(body.get("liveNodes").valueStream().map(JsonNode::asString)).as("live nodes seen by %s", node.name())
			.containsExactlyInAnyOrderElementsOf(expected);
		for (String instance : INSTANCES) {
			assertThat(body.get("instances").get(instance).get("members").valueStream()
				.map((member) -> member.get("node").asString() + " " + member.get("status").asString()))
				.as("%s members seen by %s", instance, node.name())
				.containsExactlyInAnyOrderElementsOf(expected.stream()
					.map((name) -> name + (proxies.contains(name) ? " uninitialized" : " alive"))
					.toList());
		}
	}

	/**
	 * Each agent runs on exactly one of {@code nodes}, as the nodes themselves say: the processes
	 * each one hosts ({@code hosted} of its {@code /actuator/sagents}), not what the registry lists,
	 * so that a copy left running on a second node shows.
	 */
	static void assertEachAgentRunsOnce(List<SampleAppNode> nodes) {
		Map<String, List<String>> hosted = new LinkedHashMap<>();
		for (SampleAppNode node : nodes) {
			Response view = node.api().get("/actuator/sagents");
			assertThat(view.status()).isEqualTo(200);
			hosted.put(node.name(),
					view.body().get("hosted").get("agents").valueStream().map(JsonNode::asString).toList());
		}
		List<String> agents = IntStream.range(0, AGENTS).mapToObj(SampleAppCluster::agentId).toList();
		assertThat(hosted.values().stream().flatMap(List::stream)).as("agents hosted, by node: %s", hosted)
			.containsExactlyInAnyOrderElementsOf(agents);
	}

	/** Polls without failing on a node that does not answer yet. */
	static ConditionFactory polling(Duration atMost) {
		return Awaitility.await().atMost(atMost).ignoreExceptions();
	}

	/** Kills every node still running, so no JVM outlives the test. */
	@Override
	public void close() {
		this.nodes.forEach(SampleAppNode::close);
	}

}
