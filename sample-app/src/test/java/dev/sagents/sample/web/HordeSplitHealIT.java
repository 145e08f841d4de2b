package dev.sagents.sample.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.sagents.sample.notes.NoteReply;
import dev.sagents.sample.web.ApiClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.sagents.sample.web.SampleAppCluster.AGENTS;
import static dev.sagents.sample.web.SampleAppCluster.agentId;
import static dev.sagents.sample.web.SampleAppCluster.assertClusterView;
import static dev.sagents.sample.web.SampleAppCluster.assertEachAgentRunsOnce;
import static dev.sagents.sample.web.SampleAppCluster.noteReply;
import static dev.sagents.sample.web.SampleAppCluster.polling;
import static dev.sagents.sample.web.SampleAppCluster.startAgentsAndTalkToEach;
import static dev.sagents.sample.web.SampleAppCluster.tell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A split brain that heals, with three sample-app JVMs ({@link SampleAppCluster}): node 3 hangs (SIGSTOP) long enough for the others to
 * drop it and restart its agents, then runs again (SIGCONT). Alone, it believes the others died and
 * restarts their agents too; when Hazelcast merges it back, exactly one copy of each agent
 * survives (as the nodes say what they run, not only as the registry lists it), its state is the
 * one the majority kept, and the healed node's event subscriptions work again.
 */
class HordeSplitHealIT {

	private static final Path WORK_DIRECTORY = Path.of("target", "horde-split-it").toAbsolutePath();

	/** Detection (5 s), recovery, Hazelcast's merge check (10 s) and the merge: generous bounds only. */
	private static final Duration HEAL = Duration.ofSeconds(120);

	private final SampleAppCluster cluster = new SampleAppCluster("notes-split-it", 3, WORK_DIRECTORY);

	@AfterEach
	void stopCluster() {
		this.cluster.close();
	}

	@Test
	void afterTheSplitHealsEachAgentRunsOnceWithTheMajoritysState() throws InterruptedException {
		SampleAppNode first = this.cluster.node(1);
		SampleAppNode hung = this.cluster.node(3);
		String watched = agentId(0);
		ApiClient.EventStream events = hung.api().events("/api/agents/" + watched + "/events").awaitSubscribed(HEAL);
		Map<String, NoteReply> before = startAgentsAndTalkToEach(first);
		assertThat(before.values()).anyMatch((reply) -> reply.node().equals(hung.name()));

		hung.suspend();
		polling(HEAL).untilAsserted(() -> assertClusterView(first, List.of("n1", "n2")));
		// The majority goes on: each agent, wherever it runs now, handles a second message.
		for (int i = 0; i < AGENTS; i++) {
			String id = agentId(i);
			polling(HEAL).untilAsserted(() -> assertThat(first.api().get("/api/agents/" + id).text("node"))
				.isNotEqualTo(hung.name()));
			assertThat(noteReply(tell(first, id)).handled()).as(id).isEqualTo(before.get(id).handled() + 1);
		}

		hung.resume();
		polling(HEAL).untilAsserted(() -> {
			assertClusterView(first, List.of("n1", "n2", "n3"));
			assertClusterView(hung, List.of("n1", "n2", "n3"));
		});
		polling(HEAL).untilAsserted(() -> assertEachAgentRunsOnce(this.cluster.running()));
		polling(HEAL).untilAsserted(() -> assertThat(agentsListed(first)).as("every agent listed once")
			.hasSize(AGENTS)
			.doesNotHaveDuplicates());
		for (int i = 0; i < AGENTS; i++) {
			String id = agentId(i);
			Response reply = tell(hung, id);
			assertThat(reply.status()).as("message to %s through the healed node: %s", id, reply.body()).isEqualTo(200);
			assertThat(noteReply(reply).handled()).as("%s goes on from the majority's state", id)
				.isEqualTo(before.get(id).handled() + 2);
		}
		// The healed node's subscription, made before the split, carries the agent's events again.
		try (events) {
			polling(HEAL).untilAsserted(() -> {
				long handled = noteReply(tell(first, watched)).handled();
				events.next("replied", (event) -> event.get("detail").get("handled").asLong() == handled,
						Duration.ofSeconds(5));
			});
		}
	}

	private static List<String> agentsListed(SampleAppNode via) {
		Response agents = via.api().get("/api/agents");
		assertThat(agents.status()).isEqualTo(200);
		return agents.body().valueStream().map((agent) -> agent.get("id")).map(JsonNode::asString).toList();
	}

}
