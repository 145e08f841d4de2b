package dev.sagents.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.dashboard.DashboardBroadcaster;
import dev.sagents.dashboard.DashboardSnapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.function.RouterFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What the dashboard serves, over a local sagents node with one agent running. */
class SagentsDashboardRoutesTests {

	@TempDir
	Path baseDirectory;

	private void withDashboard(String path, DashboardTest test) {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SagentsAutoConfiguration.class,
					SagentsDashboardAutoConfiguration.class))
			.withPropertyValues("sagents.node-name=n1", "sagents.filesystem.base-directory=" + this.baseDirectory,
					"sagents.dashboard.enabled=true", "sagents.dashboard.path=" + path)
			.withBean("counting", AgentBehavior.class, () -> new CountingAgent("counting"))
			.run((ContextConsumer<AssertableWebApplicationContext>) (context) -> {
				context.getBean(AgentsSupervisor.class).startAgent(AgentSpec.of("alice"));
				RouterFunction<?> routes = context.getBean("sagentsDashboardRoutes", RouterFunction.class);
				test.accept(MockMvcBuilders.routerFunctions(routes).build(), context);
			});
	}

	@Test
	void thePageComesFromTheJarWithAPolicyThatAllowsOnlyItsOwnScriptAndData() {
		withDashboard("/ops/sagents", (mvc, context) -> {
			mvc.perform(get("/ops/sagents"))
				.andExpect(status().isMovedPermanently())
				.andExpect(header().string("Location", "/ops/sagents/"));
			mvc.perform(get("/ops/sagents/"))
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
				.andExpect(header().string("Content-Security-Policy", allOf(containsString("default-src 'none'"),
							containsString("script-src 'self'"))))
				.andExpect(content().string(containsString("assets/dashboard.js")));
			mvc.perform(get("/ops/sagents/assets/dashboard.js"))
				.andExpect(status().isOk())
				.andExpect(header().string("X-Content-Type-Options", "nosniff"));
			mvc.perform(get("/ops/sagents/assets/dashboard.css")).andExpect(status().isOk());
		});
	}

	@Test
	void theSnapshotShowsTheMembersTheAgentsPerNodeAndTheRates() {
		withDashboard("/sagents", (mvc, context) -> mvc.perform(get("/sagents/api/snapshot"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.node").value("n1"))
			.andExpect(jsonPath("$.registry").value("running"))
			.andExpect(jsonPath("$.instances[0].name").value("registry"))
			.andExpect(jsonPath("$.instances[0].members[0].node").value("n1"))
			.andExpect(jsonPath("$.instances[0].members[0].status").value("alive"))
			.andExpect(jsonPath("$.agents[0].node").value("n1"))
			.andExpect(jsonPath("$.agents[0].count").value(1))
			.andExpect(jsonPath("$.agents[0].ids[0]").value("alice"))
			.andExpect(jsonPath("$.hostedHere[0]").value("alice"))
			.andExpect(jsonPath("$.rates[0].label").value("calls/s"))
			.andExpect(jsonPath("$.failures.total").value(0)));
	}

	@Test
	void theSnapshotListsAHundredIdsAtMostWhileItCountsEveryAgent() {
		withDashboard("/sagents", (mvc, context) -> {
			AgentsSupervisor agents = context.getBean(AgentsSupervisor.class);
			for (int i = 0; i < DashboardSnapshots.IDS_SHOWN + 5; i++) {
				agents.startAgent(AgentSpec.of("many-" + i));
			}
			int all = DashboardSnapshots.IDS_SHOWN + 6;
			mvc.perform(get("/sagents/api/snapshot"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.agents[0].count").value(all))
				.andExpect(jsonPath("$.agents[0].ids.length()").value(DashboardSnapshots.IDS_SHOWN))
				.andExpect(jsonPath("$.hostedHere.length()").value(DashboardSnapshots.IDS_SHOWN));
		});
	}

	@Test
	void aSearchedAgentIsLocatedAndAnInvalidIdIsRefusedWithoutBeingEchoed() {
		withDashboard("/sagents", (mvc, context) -> {
			mvc.perform(get("/sagents/api/locate").param("id", "alice"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.found").value(true))
				.andExpect(jsonPath("$.node").value("n1"))
				.andExpect(jsonPath("$.alive").value(true));
			mvc.perform(get("/sagents/api/locate").param("id", "bob"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.found").value(false));
			mvc.perform(get("/sagents/api/locate").param("id", "<img src=x onerror=alert(1)>"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.error").value(startsWith("An agent id is")))
				.andExpect(content().string(not(containsString("<img"))));
			mvc.perform(get("/sagents/api/locate")).andExpect(status().isBadRequest());
		});
	}

	@Test
	void theEventStreamStartsWithASnapshotAndCarriesEachBroadcast() {
		withDashboard("/sagents", (mvc, context) -> {
			MvcResult stream = mvc.perform(get("/sagents/api/events"))
				.andExpect(request().asyncStarted())
				.andReturn();
			assertThat(stream.getResponse().getContentType()).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
			assertThat(stream.getResponse().getContentAsString()).startsWith("event:snapshot\ndata:{")
				.contains("\"node\":\"n1\"");
			context.getBean(DashboardBroadcaster.class).broadcast();
			assertThat(stream.getResponse().getContentAsString().split("event:snapshot", -1)).hasSize(3);
		});
	}

	@Test
	void theScriptSetsEverythingAsTextNeverAsMarkup() throws IOException {
		String script;
		try (InputStream in = new ClassPathResource("dev/sagents/dashboard/assets/dashboard.js").getInputStream()) {
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(script).contains("textContent")
			.doesNotContain("innerHTML")
			.doesNotContain("outerHTML")
			.doesNotContain("insertAdjacentHTML")
			.doesNotContain("document.write")
			.doesNotContain("eval(");
	}

	/** A test step over the MockMvc of the routes and the context. */
	@FunctionalInterface
	interface DashboardTest {

		void accept(MockMvc mvc, AssertableWebApplicationContext context) throws Exception;

	}

}
