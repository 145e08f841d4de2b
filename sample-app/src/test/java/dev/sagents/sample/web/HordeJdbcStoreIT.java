package dev.sagents.sample.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.sagents.sample.notes.NoteReply;
import dev.sagents.sample.web.ApiClient.EventStream;
import dev.sagents.sample.web.ApiClient.PendingRequest;
import dev.sagents.sample.web.ApiClient.Response;
import dev.sagents.sample.web.SampleAppCluster.DataDirectories;
import dev.sagents.testsupport.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.sagents.sample.web.SampleAppCluster.AGENTS;
import static dev.sagents.sample.web.SampleAppCluster.FAILOVER;
import static dev.sagents.sample.web.SampleAppCluster.agentId;
import static dev.sagents.sample.web.SampleAppCluster.assertClusterView;
import static dev.sagents.sample.web.SampleAppCluster.assertEachAgentRunsOnce;
import static dev.sagents.sample.web.SampleAppCluster.noteReply;
import static dev.sagents.sample.web.SampleAppCluster.polling;
import static dev.sagents.sample.web.SampleAppCluster.tell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * README recipe 4 as three sample-app JVMs: horde mode, each node with a data directory of its own,
 * agent states and notes in one PostgreSQL (embedded, started by the test) through
 * {@code sagents.persistence.store=jdbc}, write-through, configured by environment variables only.
 * Under load, a node is killed (SIGKILL) and then every node is stopped (SIGTERM) and started again,
 * one after another: every agent answers, each count goes on with no acknowledged change lost and
 * none counted twice, and every note written before is there. Then a node hangs (SIGSTOP) while the
 * others restart its agents and change their state; when it runs again (SIGCONT), the stale copy it
 * still holds cannot overwrite the newer state. Both scenarios share the cluster: starting JVMs
 * dominates the run time. Each node's output is in {@code target/horde-jdbc-it/<node>.log}.
 */
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class HordeJdbcStoreIT {

	private static final Path WORK_DIRECTORY = Path.of("target", "horde-jdbc-it").toAbsolutePath();

	/** Agents share these scopes, so that each file system holds notes of several agents. */
	private static final int SCOPES = 5;

	private static final int SENDERS = 3;

	/** An event is relayed within milliseconds; this bound only keeps a broken run finite. */
	private static final Duration EVENT = Duration.ofSeconds(10);

	/** Detection (5 s), recovery, Hazelcast's merge check (10 s) and the merge: generous bounds only. */
	private static final Duration HEAL = Duration.ofSeconds(120);

	private EmbeddedPostgres postgres;

	private SampleAppCluster cluster;

	/** The nodes the senders may call through: not one about to stop, nor one not back yet. */
	private final List<SampleAppNode> inService = new CopyOnWriteArrayList<>();

	@BeforeAll
	void start() throws IOException {
		this.postgres = EmbeddedPostgres.builder()
			.setPort(FreePorts.one())
			.setServerConfig("listen_addresses", "127.0.0.1")
			.start();
		Map<String, String> environment = Map.of("SAGENTS_PERSISTENCE_STORE", "jdbc",
				"SAGENTS_PERSISTENCE_JDBC_INITIALIZESCHEMA", "always", "SPRING_DATASOURCE_URL",
				this.postgres.getJdbcUrl("postgres", "postgres"), "SPRING_DATASOURCE_USERNAME", "postgres",
				"SPRING_DATASOURCE_PASSWORD", "", "SAGENTS_FILESYSTEM_PERSISTDEBOUNCE", "200ms");
		try {
			this.cluster = new SampleAppCluster("notes-jdbc-it", 3, WORK_DIRECTORY, environment, Set.of(),
					DataDirectories.OWN);
		}
		catch (RuntimeException | Error ex) {
			this.postgres.close();
			throw ex;
		}
	}

	@AfterAll
	void stop() throws IOException {
		try {
			this.cluster.close();
		}
		finally {
			this.postgres.close();
		}
	}

	@Test
	@Order(1)
	void everyCountGoesOnAndEveryNoteStaysThroughAKillAndRollingRestartsUnderLoad() {
		Map<String, Long> handled = rememberOneNoteEach();
		assertThat(handled.keySet().stream().map((id) -> node(3).api().get("/api/agents/" + id).text("node")))
			.as("agents on n3, which is about to be killed")
			.contains("n3");
		// The kill must not find a note only in memory: wait until each is in the database.
		polling(FAILOVER).untilAsserted(() -> assertThat(storedFiles()).isEqualTo(AGENTS));
		this.inService.addAll(List.of(node(1), node(2), node(3)));
		List<String> gracefulFailures = new ArrayList<>();
		try (CountingSenders senders = new CountingSenders(SENDERS, handled, () -> this.inService)) {
			senders.awaitEveryAgentAcknowledged();

			senders.phase("kill of n3");
			node(3).kill();
			this.inService.remove(node(3));
			senders.awaitEveryAgentAcknowledged();
			this.cluster.relaunch(3);
			this.inService.add(node(3));
			senders.awaitEveryAgentAcknowledged();

			int failuresBefore = senders.failures().size();
			for (int number = 1; number <= 3; number++) {
				senders.phase("rolling restart of n" + number);
				this.inService.remove(node(number));
				senders.awaitRound();
				node(number).terminate();
				senders.awaitEveryAgentAcknowledged();
				this.cluster.relaunch(number);
				this.inService.add(node(number));
				senders.awaitEveryAgentAcknowledged();
			}
			senders.close();
			gracefulFailures.addAll(senders.failures().subList(failuresBefore, senders.failures().size()));

			assertThat(senders.violations()).as("counts that did not go on").isEmpty();
			assertThat(gracefulFailures).as("calls through running nodes that failed while another stopped gracefully")
				.isEmpty();
			for (int i = 0; i < AGENTS; i++) {
				String id = agentId(i);
				Response response = say(node(1 + i % 3), id, "notes");
				assertThat(response.status()).as("message to %s: %s", id, response.body()).isEqualTo(200);
				NoteReply reply = noteReply(response);
				assertThat(senders.checkNext(id, reply.handled())).as("count of %s", id).isNull();
				assertThat(reply.reply()).as("notes seen by %s", id).contains(notesOfScopeOf(i));
			}
		}
		for (int scope = 0; scope < SCOPES; scope++) {
			Response files = node(1).api().get("/api/filesystems/" + scope(scope) + "/files");
			assertThat(files.body().valueStream().map((file) -> file.get("path").asString()))
				.as("files of %s", scope(scope))
				.containsExactlyInAnyOrderElementsOf(notePathsOfScope(scope));
		}
		polling(FAILOVER).untilAsserted(() -> assertEachAgentRunsOnce(this.cluster.running()));
	}

	/**
	 * n1 hangs while it hosts an agent; n2 and n3 restart it from the database and change its
	 * state. A message that reached n1 while it hung is the first thing it reads when it runs
	 * again, before it learns that it was dropped. If n1 still finds the agent registered on
	 * itself, its stale copy handles the message, its write carries the old epoch and is refused:
	 * the caller gets 409 {@code stale-activation} and the copy stops with a
	 * {@code stale_activation} shutdown on n1's event stream; if not, the caller gets 404 and the
	 * copy stops as a duplicate when the nodes merge. Either way the newer state stays: once the
	 * nodes merge, the count goes on from the survivors' value, and so does every other agent's,
	 * though n1, alone for a moment, restarted the others' agents too (their copies that the merge
	 * kept are refused once and start again from the newest state).
	 */
	@Test
	@Order(2)
	void aResumedNodesStaleCopyCannotOverwriteTheNewerState() throws InterruptedException {
		SampleAppNode hung = node(1);
		SampleAppNode survivor = node(2);
		String id = agentHostedBy(hung);
		Map<String, Long> counts = countEveryAgent(survivor);
		long before = counts.get(id);
		try (EventStream events = hung.api().events("/api/agents/" + id + "/events").awaitSubscribed(EVENT)) {
			hung.suspend();
			polling(HEAL).untilAsserted(() -> assertClusterView(survivor, List.of("n2", "n3")));
			polling(HEAL).untilAsserted(
					() -> assertThat(survivor.api().get("/api/agents/" + id).text("node")).isNotEqualTo(hung.name()));
			assertThat(noteReply(say(survivor, id, "moved once")).handled()).isEqualTo(before + 1);
			long newer = noteReply(say(survivor, id, "moved twice")).handled();
			assertThat(newer).as("count on the survivors").isEqualTo(before + 2);

			PendingRequest late = hung.api()
				.sendPending("POST", "/api/agents/" + id + "/messages", "{\"text\": \"to the stale copy\"}");
			hung.resume();
			Response refused = late.response();

			// Which of the two depends on whether the resumed node still finds the agent registered
			// on itself when it reads the request: both change nothing.
			assertThat(refused.text("type")).as("the resumed node's answer: %s", refused.body())
				.isIn("tag:sagents.dev,2026:problem:stale-activation", "tag:sagents.dev,2026:problem:agent-not-running");
			// Its copy ends: refused as stale if it got the message, else as a duplicate once the nodes merge.
			String reason = events.next("shutdown", HEAL).get("detail").asString();
			if (refused.status() == 409) {
				assertThat(reason).isEqualTo("stale_activation");
			}
			else {
				assertThat(reason).isIn("stale_activation", "name_conflict");
			}
			polling(HEAL).untilAsserted(() -> {
				assertClusterView(survivor, List.of("n1", "n2", "n3"));
				assertClusterView(hung, List.of("n1", "n2", "n3"));
			});
			polling(HEAL).untilAsserted(() -> assertEachAgentRunsOnce(this.cluster.running()));
			Response after = sayUntilHandled(hung, id, "after the merge");
			assertThat(noteReply(after).handled()).as("the count goes on from the survivors'").isEqualTo(newer + 1);
			counts.put(id, newer + 1);
		}
		for (int i = 0; i < AGENTS; i++) {
			String other = agentId(i);
			Response response = sayUntilHandled(node(1 + i % 3), other, "after the pause");
			assertThat(noteReply(response).handled()).as("count of %s", other).isEqualTo(counts.get(other) + 1);
		}
	}

	/**
	 * Sends {@code text} to agent {@code id} until it is handled, as a client of the API would:
	 * alone, the resumed node restarted the others' agents, claiming newer epochs, so the copies the
	 * merge kept have their next write refused ({@code stale-activation}: nothing changed), and
	 * start again at once from the newest state (meanwhile the agent may be missing for an
	 * instant: {@code agent-not-running}, nothing changed either). Anything else fails the test.
	 */
	private static Response sayUntilHandled(SampleAppNode via, String id, String text) {
		List<Response> answers = new ArrayList<>();
		polling(FAILOVER).untilAsserted(() -> {
			Response response = say(via, id, text);
			answers.add(response);
			assertThat(response.status()).as("message to %s through %s: %s", id, via.name(), answers).isEqualTo(200);
		});
		assertThat(answers.subList(0, answers.size() - 1)).as("answers to %s before it was handled", id)
			.allSatisfy((refused) -> assertThat(refused.text("type")).isIn(
					"tag:sagents.dev,2026:problem:stale-activation", "tag:sagents.dev,2026:problem:agent-not-running"));
		return answers.get(answers.size() - 1);
	}

	/** Starts every agent in its scope and has it remember one note; each one's count. */
	private Map<String, Long> rememberOneNoteEach() {
		Map<String, Long> handled = new LinkedHashMap<>();
		for (int i = 0; i < AGENTS; i++) {
			String id = agentId(i);
			Response started = node(1).api()
				.send("PUT", "/api/agents/" + id, "{\"filesystemScope\": \"" + scope(i % SCOPES) + "\"}");
			assertThat(started.status()).as("start of %s", id).isIn(200, 201);
			Response remembered = say(node(1), id, "remember " + note(i));
			assertThat(remembered.status()).as("note of %s: %s", id, remembered.body()).isEqualTo(200);
			handled.put(id, noteReply(remembered).handled());
		}
		return handled;
	}

	/** Every agent's count, as one more message through {@code via} replies. */
	private Map<String, Long> countEveryAgent(SampleAppNode via) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (int i = 0; i < AGENTS; i++) {
			counts.put(agentId(i), noteReply(tell(via, agentId(i))).handled());
		}
		return counts;
	}

	private String agentHostedBy(SampleAppNode host) {
		for (int i = 0; i < AGENTS; i++) {
			if (host.api().get("/api/agents/" + agentId(i)).text("node").equals(host.name())) {
				return agentId(i);
			}
		}
		throw new AssertionError("No agent runs on " + host.name());
	}

	private int storedFiles() {
		return JdbcClient.create(this.postgres.getPostgresDatabase())
			.sql("SELECT COUNT(*) FROM SAGENTS_FILE")
			.query(Integer.class)
			.single();
	}

	private static Response say(SampleAppNode via, String id, String text) {
		return via.api().send("POST", "/api/agents/" + id + "/messages", "{\"text\": \"" + text + "\"}");
	}

	private static String scope(int scope) {
		return "user:u" + scope;
	}

	private static String note(int agent) {
		return "note of " + agentId(agent);
	}

	private static String[] notesOfScopeOf(int agent) {
		List<String> notes = new ArrayList<>();
		for (int i = agent % SCOPES; i < AGENTS; i += SCOPES) {
			notes.add(note(i));
		}
		return notes.toArray(String[]::new);
	}

	private static List<String> notePathsOfScope(int scope) {
		List<String> paths = new ArrayList<>();
		for (int i = scope; i < AGENTS; i += SCOPES) {
			paths.add("notes/" + agentId(i) + "-1.md");
		}
		return paths;
	}

	private SampleAppNode node(int number) {
		return this.cluster.node(number);
	}

}
