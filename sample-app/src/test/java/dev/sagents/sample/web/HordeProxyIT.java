package dev.sagents.sample.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import dev.sagents.sample.notes.NoteReply;
import dev.sagents.sample.web.ApiClient.EventStream;
import dev.sagents.testsupport.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.core.io.ClassPathResource;

import static dev.sagents.sample.web.SampleAppCluster.AGENTS;
import static dev.sagents.sample.web.SampleAppCluster.FAILOVER;
import static dev.sagents.sample.web.SampleAppCluster.agentId;
import static dev.sagents.sample.web.SampleAppCluster.assertAnswersAgain;
import static dev.sagents.sample.web.SampleAppCluster.assertClusterView;
import static dev.sagents.sample.web.SampleAppCluster.assertEachAgentRunsOnce;
import static dev.sagents.sample.web.SampleAppCluster.polling;
import static dev.sagents.sample.web.SampleAppCluster.startAgentsAndTalkToEach;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * "Web nodes route, worker nodes host": three sample-app JVMs in horde mode
 * ({@link SampleAppCluster}), nodes 1 and 2 hosting, node 3 a proxy node
 * ({@code sagents.supervisor.enabled=false}), in each members mode. Every request goes through the
 * proxy: it starts the agents (on nodes 1 and 2), talks to them and follows one's events; it hosts
 * none. After node 2 is killed (SIGKILL), every agent answers again through the proxy, with the
 * count it had persisted, from node 1 only, and the event stream goes on. Each node's output is in
 * {@code target/horde-proxy-it-<mode>/<node>.log}.
 */
class HordeProxyIT {

	/** An event is relayed within milliseconds; this bound only keeps a broken run finite. */
	private static final Duration EVENT = Duration.ofSeconds(10);

	private static final Set<String> PROXIES = Set.of("n3");

	/** One cluster per members mode; its test kills node 2. */
	@TestInstance(Lifecycle.PER_CLASS)
	abstract class ProxyScenario {

		private SampleAppCluster cluster;

		/** Starts the three nodes of this mode. */
		abstract SampleAppCluster startCluster() throws IOException;

		@BeforeAll
		void start() throws IOException {
			this.cluster = startCluster();
		}

		@AfterAll
		void stop() {
			this.cluster.close();
		}

		@Test
		void theProxyNodeReachesEveryAgentHostsNoneAndOutlivesTheHostItTalksTo() throws InterruptedException {
			assertProxyOutlivesAKilledHost(this.cluster);
		}

	}

	/**
	 * {@code members=participation}: each node runs on the member sagents starts, the proxy's a lite
	 * member.
	 */
	@Nested
	class Participation extends ProxyScenario {

		@Override
		SampleAppCluster startCluster() {
			return new SampleAppCluster("notes-proxy-it", 3, workDirectory("participation"),
					Map.of("SAGENTS_HORDE_MEMBERS", "participation"), PROXIES);
		}

	}

	/**
	 * {@code members=auto}, on the application's own Hazelcast member (README's second recipe): every
	 * node is a member of the application's cluster, the proxy one that holds no process.
	 */
	@Nested
	class Auto extends ProxyScenario {

		@Override
		SampleAppCluster startCluster() throws IOException {
			return new SampleAppCluster("notes-proxy-it", 3, workDirectory("auto"),
					Map.of("SPRING_HAZELCAST_CONFIG", applicationMemberConfig().toUri().toString()), PROXIES);
		}

		/**
		 * The sample app's {@code app-hazelcast.yaml}, on free ports and in a cluster of its own name,
		 * so that no other run's members ever join.
		 */
		private Path applicationMemberConfig() throws IOException {
			int port = FreePorts.block(3);
			String config = new ClassPathResource("app-hazelcast.yaml").getContentAsString(StandardCharsets.UTF_8)
				.replace("cluster-name: notes-app", "cluster-name: " + FreePorts.clusterName("notes-proxy-app"))
				.replace("port: 5701", "port: " + port)
				.replace("port-count: 10", "port-count: 3")
				.replace("hazelcast.tcp.join.port.try.count: 10", "hazelcast.tcp.join.port.try.count: 3");
			Path file = Path.of("target", "horde-proxy-it-auto-config", "app-hazelcast.yaml").toAbsolutePath();
			Files.createDirectories(file.getParent());
			return Files.writeString(file, config);
		}

	}

	private static Path workDirectory(String mode) {
		return Path.of("target", "horde-proxy-it-" + mode).toAbsolutePath();
	}

	private static void assertProxyOutlivesAKilledHost(SampleAppCluster cluster) throws InterruptedException {
		SampleAppNode proxy = cluster.node(3);
		SampleAppNode killed = cluster.node(2);
		Map<String, NoteReply> before = startAgentsAndTalkToEach(proxy);
		assertThat(before.values()).extracting(NoteReply::node).as("where the proxy placed the agents")
			.containsOnly("n1", "n2")
			.contains(killed.name());
		assertHostsNothing(proxy);
		String watched = before.entrySet()
			.stream()
			.filter((agent) -> agent.getValue().node().equals(killed.name()))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
		try (EventStream events = proxy.api().events("/api/agents/" + watched + "/events").awaitSubscribed(EVENT)) {
			killed.kill();
			long watchedHandled = 0;
			for (int i = 0; i < AGENTS; i++) {
				String id = agentId(i);
				long handled = assertAnswersAgain(id, proxy, killed, before.get(id).handled());
				if (id.equals(watched)) {
					watchedHandled = handled;
				}
			}
			long expected = watchedHandled;
			assertThatNoException().as("the reply of %s (handled %d) on the proxy's event stream", watched, expected)
				.isThrownBy(() -> events.next("replied",
						(event) -> event.get("detail").get("handled").asLong() == expected, EVENT));
		}
		polling(FAILOVER).untilAsserted(() -> assertEachAgentRunsOnce(List.of(cluster.node(1), proxy)));
		assertHostsNothing(proxy);
		polling(FAILOVER).untilAsserted(() -> assertClusterView(proxy, List.of("n1", "n3"), PROXIES));
	}

	private static void assertHostsNothing(SampleAppNode proxy) {
		JsonNode view = proxy.api().get("/actuator/sagents").body();
		assertThat(view.get("hosted").get("agents").valueStream().map(JsonNode::asString)).as("agents on the proxy")
			.isEmpty();
		assertThat(view.get("registered").get("perNode").get(proxy.name()).asInt()).isZero();
	}

}
