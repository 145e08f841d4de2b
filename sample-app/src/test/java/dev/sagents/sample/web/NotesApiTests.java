package dev.sagents.sample.web;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

import dev.sagents.sample.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notes assistant over HTTP, as a client sees it. The tests share one application, so each
 * uses its own agent ids and scopes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sagents.node-name=notes-test", "notes.event-keep-alive=200ms" })
class NotesApiTests {

	private static final String NODE = "notes-test";

	@TempDir
	static Path dataDirectory;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("notes.data-directory", () -> dataDirectory.toString());
	}

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void connect() {
		this.api = new ApiClient(this.port);
	}

	/** Ids a client can send in a URL that are not 1–128 characters of {@code A-Z a-z 0-9 . _ : -}. */
	static Stream<String> badAgentIds() {
		return Stream.of("a%20b", "caf%C3%A9", "a+b", "x".repeat(129));
	}

	Response start(String id) {
		return this.api.send("PUT", "/api/agents/" + id, "");
	}

	Response start(String id, String scope) {
		return this.api.send("PUT", "/api/agents/" + id, "{\"filesystemScope\": \"" + scope + "\"}");
	}

	Response tell(String id, String text) {
		return this.api.send("POST", "/api/agents/" + id + "/messages", "{\"text\": \"" + text + "\"}");
	}

	@Nested
	class Agents {

		@Test
		void firstPutStartsTheAgentAndSecondFindsItRunning() {
			Response first = start("starter", "user:starter");
			Response second = start("starter", "user:starter");

			assertThat(first.status()).isEqualTo(201);
			assertThat(second.status()).isEqualTo(200);
			for (Response response : List.of(first, second)) {
				assertThat(response.text("id")).isEqualTo("starter");
				assertThat(response.text("node")).isEqualTo(NODE);
				assertThat(response.text("status")).isEqualTo("idle");
			}
		}

		@Test
		void putWithoutBodyStartsAnAgentWithoutScope() {
			assertThat(start("no-body").status()).isEqualTo(201);
		}

		@Test
		void getShowsARunningAgent() {
			start("shown");

			Response response = api.get("/api/agents/shown");

			assertThat(response.status()).isEqualTo(200);
			assertThat(response.text("id")).isEqualTo("shown");
			assertThat(response.text("node")).isEqualTo(NODE);
			assertThat(response.text("status")).isEqualTo("idle");
		}

		@Test
		void listShowsEveryRunningAgent() {
			start("listed-1");
			start("listed-2", "user:listed");

			Response response = api.get("/api/agents");

			assertThat(response.status()).isEqualTo(200);
			assertThat(response.body().valueStream().map((agent) -> agent.get("id").asString()))
				.contains("listed-1", "listed-2");
			assertThat(response.body().valueStream().map((agent) -> agent.get("node").asString())).containsOnly(NODE);
		}

		@Test
		void deletedAgentIsGone() {
			start("deleted");

			Response deleted = api.delete("/api/agents/deleted");

			assertThat(deleted.status()).isEqualTo(204);
			assertThat(api.get("/api/agents/deleted").status()).isEqualTo(404);
			assertThat(api.get("/api/agents").body().valueStream().map((agent) -> agent.get("id").asString()))
				.doesNotContain("deleted");
		}

		@Test
		void restartedAgentKeepsCountingWhereItStopped() {
			start("persistent");
			tell("persistent", "one");
			tell("persistent", "two");
			api.delete("/api/agents/persistent");

			assertThat(start("persistent").status()).isEqualTo(201);
			Response reply = tell("persistent", "three");

			assertThat(reply.body().get("handled").asLong()).isEqualTo(3);
		}

	}

	@Nested
	class Messages {

		@Test
		void replyCountsEveryMessageIncludingThisOne() {
			start("counter");

			Response first = tell("counter", "hello");
			Response second = tell("counter", "again");

			assertThat(first.status()).isEqualTo(200);
			assertThat(first.body().get("handled").asLong()).isEqualTo(1);
			assertThat(second.body().get("handled").asLong()).isEqualTo(2);
			assertThat(second.text("node")).isEqualTo(NODE);
		}

		@Test
		void anyOtherTextIsEchoed() {
			start("echo");

			assertThat(tell("echo", "good morning").text("reply")).contains("good morning");
		}

		@Test
		void rememberedNoteIsStoredAsAFileOfTheScope() {
			start("writer", "user:writer");

			Response reply = tell("writer", "remember buy milk");
			Response files = api.get("/api/filesystems/user:writer/files");

			assertThat(reply.status()).isEqualTo(200);
			assertThat(files.status()).isEqualTo(200);
			assertThat(files.body().size()).isOne();
			JsonNode file = files.body().get(0);
			assertThat(file.get("path").asString()).isEqualTo("notes/writer-1.md");
			assertThat(file.get("size").asLong()).isEqualTo("buy milk".length());
			assertThat(Instant.parse(file.get("modified").asString())).isBeforeOrEqualTo(Instant.now());
		}

		@Test
		void notesListsWhatWasRemembered() {
			start("lister", "user:lister");
			tell("lister", "remember call mum");
			tell("lister", "remember water plants");

			String reply = tell("lister", "notes").text("reply");

			assertThat(reply).contains("call mum", "water plants");
		}

		@Test
		void agentsSharingAScopeSeeEachOthersNotes() {
			start("phone", "user:shared");
			start("laptop", "user:shared");
			tell("phone", "remember from the phone");
			tell("laptop", "remember from the laptop");

			assertThat(tell("phone", "notes").text("reply")).contains("from the phone", "from the laptop");
			assertThat(tell("laptop", "notes").text("reply")).contains("from the phone", "from the laptop");
			assertThat(api.get("/api/filesystems/user:shared/files").body().size()).isEqualTo(2);
		}

		@Test
		void agentWithoutScopeExplainsItKeepsNoNotes() {
			start("scopeless");

			Response reply = tell("scopeless", "remember nothing");

			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.text("reply")).contains("no file-system scope");
			assertThat(reply.body().get("handled").asLong()).isEqualTo(1);
		}

		@Test
		void eventsStreamWhatTheAgentDoesFromItsStartToItsStop() throws InterruptedException {
			try (ApiClient.EventStream events = api.events("/api/agents/watched/events")) {
				// The stream begins before the agent starts.
				events.awaitSubscribed(Duration.ofSeconds(30));
				start("watched");
				assertThat(events.next("started", Duration.ofSeconds(30)).get("detail").asString()).isEqualTo(NODE);
				long handled = tell("watched", "hello").body().get("handled").asLong();

				JsonNode replied = events.next("replied", Duration.ofSeconds(30));
				assertThat(replied.get("agentId").asString()).isEqualTo("watched");
				assertThat(replied.get("detail").get("handled").asLong()).isEqualTo(handled);
				assertThat(api.delete("/api/agents/watched").status()).isEqualTo(204);
				assertThat(events.next("shutdown", Duration.ofSeconds(30)).get("detail").asString()).isEqualTo("stopped");
			}
		}

		@Test
		void aQuietEventStreamIsKeptAlive() throws InterruptedException {
			try (ApiClient.EventStream events = api.events("/api/agents/quiet/events")) {
				events.awaitSubscribed(Duration.ofSeconds(30));

				events.awaitComment(AgentController.KEEP_ALIVE, Duration.ofSeconds(30));
			}
		}

		@Test
		void unusedScopeHasNoFiles() {
			Response files = api.get("/api/filesystems/user:nobody/files");

			assertThat(files.status()).isEqualTo(200);
			assertThat(files.body().size()).isZero();
		}

	}

	@Nested
	class Problems {

		private static final String TYPE_PREFIX = "tag:sagents.dev,2026:problem:";

		@Test
		void unknownAgentIsNotFound() {
			assertProblem(api.get("/api/agents/unknown"), 404, "agent-not-running", "'unknown' is not running");
			assertProblem(tell("unknown", "hello"), 404, "agent-not-running", "'unknown' is not running");
			assertProblem(api.delete("/api/agents/unknown"), 404, "agent-not-running", "'unknown' is not running");
		}

		@ParameterizedTest
		@MethodSource("dev.sagents.sample.web.NotesApiTests#badAgentIds")
		void badAgentIdIsABadRequest(String id) {
			assertProblem(start(id), 400, "invalid-agent-id", "Invalid agent id");
			assertProblem(api.get("/api/agents/" + id), 400, "invalid-agent-id", "Invalid agent id");
			assertProblem(tell(id, "hello"), 400, "invalid-agent-id", "Invalid agent id");
			assertProblem(api.delete("/api/agents/" + id), 400, "invalid-agent-id", "Invalid agent id");
			assertProblem(api.get("/api/agents/" + id + "/events"), 400, "invalid-agent-id", "Invalid agent id");
		}

		@Test
		void longestAgentIdIsAccepted() {
			assertThat(start("y".repeat(128)).status()).isEqualTo(201);
		}

		@ParameterizedTest
		@ValueSource(strings = { "{}", "{\"text\": null}", "{\"text\": \"  \"}" })
		void messageWithoutTextIsABadRequest(String body) {
			start("strict");

			Response response = api.send("POST", "/api/agents/strict/messages", body);

			assertProblem(response, 400, "invalid-message", "'text' is required");
		}

		@Test
		void malformedJsonIsABadRequest() {
			start("malformed");

			assertProblem(api.send("POST", "/api/agents/malformed/messages", "{\"text\": "), 400, null, null);
			assertProblem(api.send("PUT", "/api/agents/malformed", "{\"filesystemScope\""), 400, null, null);
		}

		@Test
		void badScopeIsABadRequestAndStartsNothing() {
			assertProblem(start("scoped", "user alice"), 400, "invalid-scope", "Invalid file-system scope");
			assertProblem(start("scoped", ""), 400, "invalid-scope", "Invalid file-system scope");
			assertProblem(api.get("/api/filesystems/user%20alice/files"), 400, "invalid-scope",
					"Invalid file-system scope");
			assertThat(api.get("/api/agents/scoped").status()).isEqualTo(404);
		}

		/**
		 * Asserts an RFC 9457 problem. {@code type} is the name of one of the application's problem
		 * types, or {@code null} for Spring MVC's generic {@code about:blank}, which is left out of
		 * the JSON as RFC 9457 allows; {@code detail} is a part of the detail, {@code null} to accept any.
		 */
		private void assertProblem(Response response, int status, String type, String detail) {
			assertThat(response.status()).isEqualTo(status);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.body().get("status").asInt()).isEqualTo(status);
			assertThat(response.body().path("type").asString("about:blank"))
				.isEqualTo((type != null) ? TYPE_PREFIX + type : "about:blank");
			assertThat(response.text("title")).isNotBlank();
			assertThat(response.text("detail")).isNotBlank();
			if (detail != null) {
				assertThat(response.text("detail")).contains(detail);
			}
		}

	}

	@Nested
	class Actuator {

		@Test
		void healthIsUpWithASagentsComponent() {
			Response health = api.get("/actuator/health");

			assertThat(health.status()).isEqualTo(200);
			assertThat(health.text("status")).isEqualTo("UP");
			assertThat(health.body().get("components").get("sagents").get("status").asString()).isEqualTo("UP");
		}

		@Test
		void readinessIncludesSagents() {
			Response readiness = api.get("/actuator/health/readiness");

			assertThat(readiness.status()).isEqualTo(200);
			assertThat(readiness.text("status")).isEqualTo("UP");
			assertThat(readiness.body().get("components").has("sagents")).isTrue();
		}

		@Test
		void sagentsEndpointShowsThisNodeAsTheOnlyMember() {
			start("observed", "user:observed");
			tell("observed", "remember something");

			JsonNode sagents = api.get("/actuator/sagents").body();

			assertThat(sagents.get("distribution").asString()).isEqualTo("local");
			assertThat(sagents.get("node").asString()).isEqualTo(NODE);
			assertThat(sagents.get("liveNodes").valueStream().map(JsonNode::asString)).containsExactly(NODE);
			for (String instance : List.of("registry", "agentsSupervisor", "fileSystemSupervisor")) {
				JsonNode members = sagents.get("instances").get(instance).get("members");
				assertThat(members.size()).as(instance).isOne();
				assertThat(members.get(0).get("node").asString()).as(instance).isEqualTo(NODE);
				assertThat(members.get(0).get("status").asString()).as(instance).isEqualTo("alive");
			}
			assertThat(sagents.get("consistent").asBoolean()).isTrue();
		}

		@Test
		void sagentsEndpointCountsAndListsWhatRuns() {
			start("counted", "user:counted");
			tell("counted", "remember something");

			JsonNode sagents = api.get("/actuator/sagents").body();
			JsonNode registered = sagents.get("registered");
			int agents = api.get("/api/agents").body().size();

			assertThat(registered.get("agents").asInt()).isEqualTo(agents);
			assertThat(registered.get("fileSystems").asInt()).isPositive();
			assertThat(registered.get("total").asInt())
				.isEqualTo(agents + registered.get("fileSystems").asInt());
			assertThat(sagents.get("hosted").get("agents").valueStream().map(JsonNode::asString)).hasSize(agents)
				.contains("counted");
			assertThat(sagents.get("hosted").get("fileSystems").valueStream().map(JsonNode::asString))
				.hasSize(registered.get("fileSystems").asInt())
				.contains("user:counted");
		}

	}

}
