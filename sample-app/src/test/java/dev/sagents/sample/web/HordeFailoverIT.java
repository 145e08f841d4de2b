package dev.sagents.sample.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

import dev.sagents.sample.notes.NoteReply;
import dev.sagents.sample.web.ApiClient.Response;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three sample-app JVMs in horde mode on 127.0.0.1, as the README's first recipe runs them
 * ({@code members=auto}, each node on the member sagents starts, one data directory for all):
 * after a node dies (SIGKILL) or stops gracefully (SIGTERM), every agent answers again through
 * the survivors, hosted by a survivor, with the message count it had persisted.
 *
 * <p>Starting JVMs dominates the run time, so both scenarios share one cluster: node 3 is killed,
 * then node 2 is stopped. Each scenario only needs its own node still running, and counts on the
 * agents' counts it reads itself, so either also passes alone. Ports: HTTP 18081-18083, sagents
 * Hazelcast 6300-6302. Each node's output is in {@code target/horde-it/<node>.log}.
 */
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class HordeFailoverIT {

	private static final int AGENTS = 30;

	private static final int FIRST_HTTP_PORT = 18081;

	private static final int HAZELCAST_PORT = 6300;

	private static final Path WORK_DIRECTORY = Path.of("target", "horde-it").toAbsolutePath();

	private static final List<String> INSTANCES = List.of("registry", "agentsSupervisor", "fileSystemSupervisor");

	/** Three JVMs starting at once on two shared cores. */
	private static final Duration STARTUP = Duration.ofSeconds(120);

	/** Failover takes well under a second by design; this bound only keeps a broken run finite. */
	private static final Duration FAILOVER = Duration.ofSeconds(60);

	private final List<SampleAppNode> nodes = new ArrayList<>();

	@BeforeAll
	void startCluster() throws IOException {
		// A previous run's agent states would change the counts this run starts from.
		FileSystemUtils.deleteRecursively(WORK_DIRECTORY);
		Map<String, String> environment = Map.of("SAGENTS_DISTRIBUTION", "horde", "SAGENTS_HORDE_CLUSTERNAME",
				"notes-it", "SAGENTS_HORDE_NETWORK_PORT", Integer.toString(HAZELCAST_PORT),
				"SAGENTS_HORDE_NETWORK_PORTCOUNT", "3", "NOTES_DATA_DIRECTORY",
				WORK_DIRECTORY.resolve("data").toString());
		List<String> names = List.of("n1", "n2", "n3");
		for (int i = 0; i < names.size(); i++) {
			this.nodes.add(SampleAppNode.launch(names.get(i), FIRST_HTTP_PORT + i, environment, WORK_DIRECTORY));
		}
		for (SampleAppNode node : this.nodes) {
			polling(STARTUP).pollInterval(Duration.ofMillis(500))
				.failFast("node " + node.name() + " exited", () -> !node.isAlive())
				.untilAsserted(() -> assertClusterView(node, names));
		}
	}

	@AfterAll
	void stopCluster() {
		this.nodes.forEach(SampleAppNode::close);
	}

	/** Messages go through both survivors in turn, so that lookups and calls run from each. */
	@Test
	@Order(1)
	void everyAgentAnswersWithItsStateAfterANodeIsKilled() {
		assertEveryAgentAnswersAfterLeaving(node(3), SampleAppNode::kill,
				(index, survivors) -> survivors.get(index % survivors.size()));
	}

	@Test
	@Order(2)
	void everyAgentAnswersWithItsStateAfterANodeStopsGracefully() {
		assertEveryAgentAnswersAfterLeaving(node(2), SampleAppNode::terminate, (index, survivors) -> node(1));
	}

	/**
	 * Starts the agents (unless they run) and talks to each through node 1, makes {@code leaving}
	 * leave, then checks that every agent answers through the node {@code via} picks, from a
	 * survivor, with its count intact, and that node 1 sees exactly the survivors.
	 */
	private void assertEveryAgentAnswersAfterLeaving(SampleAppNode leaving, Consumer<SampleAppNode> leave,
			BiFunction<Integer, List<SampleAppNode>, SampleAppNode> via) {
		Map<String, NoteReply> before = startAgentsAndTalkToEach(node(1));
		assertThat(before.values()).as("agents hosted by %s, which is about to leave", leaving.name())
			.anyMatch((reply) -> reply.node().equals(leaving.name()));

		leave.accept(leaving);

		List<SampleAppNode> survivors = running();
		for (int i = 0; i < AGENTS; i++) {
			String id = agentId(i);
			assertAnswersAgain(id, via.apply(i, survivors), leaving, before.get(id));
		}
		polling(FAILOVER).untilAsserted(() -> assertClusterView(node(1), names(survivors)));
	}

	/** Node {@code number}, counted from 1 like the names. */
	private SampleAppNode node(int number) {
		return this.nodes.get(number - 1);
	}

	private List<SampleAppNode> running() {
		return this.nodes.stream().filter(SampleAppNode::isAlive).toList();
	}

	private static List<String> names(List<SampleAppNode> nodes) {
		return nodes.stream().map(SampleAppNode::name).toList();
	}

	private static String agentId(int index) {
		return "it-" + index;
	}

	/**
	 * Starts agents {@code it-0} to {@code it-29} through {@code via} unless they run, and sends
	 * each one message; the replies say where each runs and how many messages it has handled.
	 */
	private static Map<String, NoteReply> startAgentsAndTalkToEach(SampleAppNode via) {
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

	/**
	 * Waits until {@code via} finds the agent on another node than {@code gone}, then sends it
	 * one message, once: a retried message would be counted twice. Its count goes on from
	 * {@code before}, the reply to its last message.
	 */
	private static void assertAnswersAgain(String id, SampleAppNode via, SampleAppNode gone, NoteReply before) {
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
		assertThat(reply.handled()).as("messages %s has handled", id).isEqualTo(before.handled() + 1);
	}

	private static Response tell(SampleAppNode via, String id) {
		return via.api().send("POST", "/api/agents/" + id + "/messages", "{\"text\": \"hello from the IT\"}");
	}

	private static NoteReply noteReply(Response response) {
		return new NoteReply(response.text("reply"), response.text("node"), response.body().get("handled").asLong());
	}

	/** {@code /actuator/sagents} of {@code node} shows exactly {@code expected}, alive, in all three instances. */
	private static void assertClusterView(SampleAppNode node, List<String> expected) {
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
				.containsExactlyInAnyOrderElementsOf(expected.stream().map((name) -> name + " alive").toList());
		}
	}

	/** Polls without failing on a node that does not answer yet. */
	private static ConditionFactory polling(Duration atMost) {
		return Awaitility.await().atMost(atMost).ignoreExceptions();
	}

}
