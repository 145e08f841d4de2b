package dev.sagents.sample.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import dev.sagents.sample.notes.NoteReply;
import dev.sagents.sample.web.ApiClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;

import static dev.sagents.sample.web.SampleAppCluster.AGENTS;
import static dev.sagents.sample.web.SampleAppCluster.agentId;
import static dev.sagents.sample.web.SampleAppCluster.assertClusterView;
import static dev.sagents.sample.web.SampleAppCluster.names;
import static dev.sagents.sample.web.SampleAppCluster.noteReply;
import static dev.sagents.sample.web.SampleAppCluster.polling;
import static dev.sagents.sample.web.SampleAppCluster.startAgentsAndTalkToEach;
import static dev.sagents.sample.web.SampleAppCluster.tell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three sample-app JVMs in horde mode ({@link SampleAppCluster}): after a node dies (SIGKILL) or
 * stops gracefully (SIGTERM), every agent answers again through the survivors, hosted by a
 * survivor, with the message count it had persisted.
 *
 * <p>Starting JVMs dominates the run time, so both scenarios share one cluster: node 3 is killed,
 * then node 2 is stopped. Each scenario only needs its own node still running, and counts on the
 * agents' counts it reads itself, so either also passes alone. Each node's output is in
 * {@code target/horde-it/<node>.log}.
 */
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class HordeFailoverIT {

	private static final Path WORK_DIRECTORY = Path.of("target", "horde-it").toAbsolutePath();

	/** Failover takes well under a second by design; this bound only keeps a broken run finite. */
	private static final Duration FAILOVER = Duration.ofSeconds(60);

	private SampleAppCluster cluster;

	@BeforeAll
	void startCluster() {
		this.cluster = new SampleAppCluster("notes-it", 3, WORK_DIRECTORY);
	}

	@AfterAll
	void stopCluster() {
		this.cluster.close();
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

		List<SampleAppNode> survivors = this.cluster.running();
		for (int i = 0; i < AGENTS; i++) {
			String id = agentId(i);
			assertAnswersAgain(id, via.apply(i, survivors), leaving, before.get(id));
		}
		polling(FAILOVER).untilAsserted(() -> assertClusterView(node(1), names(survivors)));
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

	private SampleAppNode node(int number) {
		return this.cluster.node(number);
	}

}
