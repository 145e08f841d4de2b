package dev.sagents.sample.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.sagents.sample.notes.NoteReply;
import dev.sagents.sample.web.ApiClient.Response;
import dev.sagents.sample.web.SampleAppCluster.DataDirectories;
import dev.sagents.testsupport.FreePorts;

import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.sagents.sample.web.SampleAppCluster.AGENTS;
import static dev.sagents.sample.web.SampleAppCluster.FAILOVER;
import static dev.sagents.sample.web.SampleAppCluster.agentId;
import static dev.sagents.sample.web.SampleAppCluster.noteReply;
import static dev.sagents.sample.web.SampleAppCluster.polling;
import static dev.sagents.sample.web.SampleAppCluster.tell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * README recipe 4 as three sample-app JVMs ({@link SampleAppCluster}): horde mode, each node with a
 * data directory of its own, agent states and notes in one PostgreSQL of their own (embedded,
 * started here) through {@code sagents.persistence.store=jdbc}, configured by environment variables
 * only. Agents {@code it-0..it-29} share {@value #SCOPES} file-system scopes, so that each file
 * system holds notes of several agents. Each node's output is in {@code <work directory>/<node>.log}.
 */
final class JdbcNotesCluster implements AutoCloseable {

	/** Agents share these scopes, so that each file system holds notes of several agents. */
	static final int SCOPES = 5;

	private final EmbeddedPostgres postgres;

	private final SampleAppCluster cluster;

	/** The nodes a client may call through: not one about to stop, nor one not back yet. */
	private final List<SampleAppNode> inService = new CopyOnWriteArrayList<>();

	/**
	 * Starts PostgreSQL, then nodes {@code n1..n3} configured with {@code environment} as well (the
	 * write mode, say); all three are in service.
	 */
	JdbcNotesCluster(String clusterPrefix, Path workDirectory, Map<String, String> environment) {
		try {
			this.postgres = EmbeddedPostgres.builder()
				.setPort(FreePorts.one())
				.setServerConfig("listen_addresses", "127.0.0.1")
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start PostgreSQL", ex);
		}
		Map<String, String> variables = new HashMap<>(Map.of("SAGENTS_PERSISTENCE_STORE", "jdbc",
				"SAGENTS_PERSISTENCE_JDBC_INITIALIZESCHEMA", "always", "SPRING_DATASOURCE_URL",
				this.postgres.getJdbcUrl("postgres", "postgres"), "SPRING_DATASOURCE_USERNAME", "postgres",
				"SPRING_DATASOURCE_PASSWORD", "", "SAGENTS_FILESYSTEM_PERSISTDEBOUNCE", "200ms"));
		variables.putAll(environment);
		try {
			this.cluster = new SampleAppCluster(clusterPrefix, 3, workDirectory, variables, Set.of(),
					DataDirectories.OWN);
		}
		catch (RuntimeException | Error ex) {
			closePostgres();
			throw ex;
		}
		this.inService.addAll(List.of(node(1), node(2), node(3)));
	}

	/** Node {@code number}, counted from 1 like the names. */
	SampleAppNode node(int number) {
		return this.cluster.node(number);
	}

	List<SampleAppNode> running() {
		return this.cluster.running();
	}

	/** The nodes in service now, as a live view for {@link CountingSenders}. */
	List<SampleAppNode> inService() {
		return this.inService;
	}

	/** Takes node {@code number} out of service: no client calls through it from now on. */
	void outOfService(int number) {
		this.inService.remove(node(number));
	}

	/** Launches node {@code number} again once it has exited, waits until all see it, and puts it in service. */
	void relaunch(int number) {
		this.inService.add(this.cluster.relaunch(number));
	}

	/**
	 * Starts every agent in its scope through {@code n1} and has it remember one note, then waits
	 * until every note is in the database, so that no later kill finds one only in memory.
	 * Returns each agent's count.
	 */
	Map<String, Long> rememberOneNoteEach() {
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
		polling(FAILOVER).untilAsserted(() -> assertThat(storedFiles()).isEqualTo(AGENTS));
		return handled;
	}

	/** Every agent's count, as one more message through {@code via} replies. */
	Map<String, Long> countEveryAgent(SampleAppNode via) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (int i = 0; i < AGENTS; i++) {
			counts.put(agentId(i), noteReply(tell(via, agentId(i))).handled());
		}
		return counts;
	}

	/** An agent that runs on {@code host}. */
	String agentHostedBy(SampleAppNode host) {
		for (int i = 0; i < AGENTS; i++) {
			if (host.api().get("/api/agents/" + agentId(i)).text("node").equals(host.name())) {
				return agentId(i);
			}
		}
		throw new AssertionError("No agent runs on " + host.name());
	}

	/**
	 * Each agent sees the notes of its scope, its count going on from what {@code senders} saw, and
	 * each scope lists exactly its agents' notes.
	 */
	void assertEveryNoteThere(CountingSenders senders) {
		for (int i = 0; i < AGENTS; i++) {
			String id = agentId(i);
			Response response = say(node(1 + i % 3), id, "notes");
			assertThat(response.status()).as("notes of %s: %s", id, response.body()).isEqualTo(200);
			NoteReply reply = noteReply(response);
			assertThat(senders.checkNext(id, reply)).as("count of %s", id).isNull();
			assertThat(reply.reply()).as("notes seen by %s", id).contains(notesOfScopeOf(i));
		}
		for (int scope = 0; scope < SCOPES; scope++) {
			Response files = node(1).api().get("/api/filesystems/" + scope(scope) + "/files");
			assertThat(files.body().valueStream().map((file) -> file.get("path").asString()))
				.as("files of %s", scope(scope))
				.containsExactlyInAnyOrderElementsOf(notePathsOfScope(scope));
		}
	}

	private int storedFiles() {
		return JdbcClient.create(this.postgres.getPostgresDatabase())
			.sql("SELECT COUNT(*) FROM SAGENTS_FILE")
			.query(Integer.class)
			.single();
	}

	/** Sends {@code text} to agent {@code id} through {@code via}, once. */
	static Response say(SampleAppNode via, String id, String text) {
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

	/** Kills every node still running, then stops PostgreSQL. */
	@Override
	public void close() {
		try {
			this.cluster.close();
		}
		finally {
			closePostgres();
		}
	}

	private void closePostgres() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot stop PostgreSQL", ex);
		}
	}

}
