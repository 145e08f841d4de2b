package dev.sagents.autoconfigure;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hazelcast.autoconfigure.HazelcastAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.sagents.actuate.ReadingEndpoints;
import dev.sagents.actuate.SagentsEndpoint;
import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentResult;
import dev.sagents.agent.AgentSession;
import dev.sagents.agent.AgentSpec;
import dev.sagents.cluster.ClusterView;
import dev.sagents.cluster.Member;
import dev.sagents.cluster.MemberStatus;
import dev.sagents.cluster.SagentsInstance;
import dev.sagents.cluster.UniformDistribution;
import dev.sagents.horde.HordeStructures;
import dev.sagents.process.ProcessKey;
import dev.sagents.registry.ProcessRegistry;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.testsupport.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nodes of one application cluster ({@code members=auto}, the members Spring Boot builds from a
 * configuration file on free ports of 127.0.0.1) as every node shows them: by their
 * {@code sagents.node-name}, also a node that runs no supervisor, and with a name two nodes share
 * reported and logged.
 */
@ExtendWith(OutputCaptureExtension.class)
class NodeNamesTests {

	private static final Duration GENEROUS = Duration.ofSeconds(60);

	@TempDir
	Path directory;

	private final int port = FreePorts.block(5);

	private ApplicationContextRunner node(String name, String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HazelcastAutoConfiguration.class, SagentsAutoConfiguration.class))
			.withBean("echo", ParticipationConfinementTests.Echo.class, ParticipationConfinementTests.Echo::new)
			.withPropertyValues("sagents.distribution=horde", "sagents.node-name=" + name,
					"spring.hazelcast.config=" + this.directory.resolve("hazelcast.yaml").toUri(),
					"sagents.filesystem.base-directory=" + this.directory.resolve("fs"))
			.withPropertyValues(properties);
	}

	@Test
	void aNodeWithoutTheSupervisorShowsUnderItsNodeName() throws IOException {
		writeApplicationConfig();
		node("web", "sagents.supervisor.enabled=false").run((web) -> node("worker").run((worker) -> {
			ClusterView view = worker.getBean(ClusterView.class);
			await().atMost(GENEROUS)
				.untilAsserted(() -> assertThat(view.members().get(SagentsInstance.REGISTRY)).containsExactly(
						new Member("web", MemberStatus.UNINITIALIZED), new Member("worker", MemberStatus.ALIVE)));
			assertThat(view.liveNodes()).containsExactly("web", "worker");
			assertThat(view.duplicateNodeNames()).isEmpty();
		}));
	}

	@Test
	void twoNodesOfOneNameAreReportedLoggedAndCountedTogether(CapturedOutput output) throws IOException {
		writeApplicationConfig();
		node("twin").run((first) -> node("twin").run((second) -> {
			HazelcastInstance member = second.getBean(HazelcastInstance.class);
			await().atMost(GENEROUS).until(() -> member.getCluster().getMembers().size() == 2);
			ClusterView view = first.getBean(ClusterView.class);
			await().atMost(GENEROUS).untilAsserted(() -> assertThat(view.duplicateNodeNames()).containsExactly("twin"));
			await().atMost(GENEROUS).until(() -> view.members().get(SagentsInstance.REGISTRY)
				.stream()
				.filter((each) -> each.status() == MemberStatus.ALIVE)
				.count() == 2);
			AgentSession session = first.getBean(AgentSession.class);
			List<String> hosts = member.getCluster().getMembers().stream().map((each) -> each.getUuid().toString()).toList();
			hosts.forEach((host) -> session.ensureRunning(AgentSpec.of(idOwnedBy(host, hosts))));
			SagentsEndpoint endpoint = ReadingEndpoints.over(view, first.getBean(ProcessRegistry.class),
					first.getBean(ProcessFailureLog.class));
			assertThat(endpoint.sagents().duplicateNodeNames()).containsExactly("twin");
			assertThat(endpoint.sagents().registered().perNode()).isEqualTo(Map.of("twin", 2));
			await().atMost(GENEROUS)
				.untilAsserted(() -> assertThat(output).contains("2 members of the cluster have the node name 'twin'"));
		}));
	}

	@Test
	void twoNodesOfOneNameOnMembersTheApplicationConfiguresItselfAreLogged(CapturedOutput output) throws IOException {
		writeApplicationConfig();
		ApplicationContextRunner twin = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HazelcastAutoConfiguration.class, SagentsAutoConfiguration.class))
			.withBean("echo", ParticipationConfinementTests.Echo.class, ParticipationConfinementTests.Echo::new)
			.withBean(Config.class, this::applicationConfig)
			.withPropertyValues("sagents.distribution=horde", "sagents.node-name=twin",
					"sagents.filesystem.base-directory=" + this.directory.resolve("fs"));
		twin.run((first) -> twin.run((second) -> {
			HazelcastInstance member = second.getBean(HazelcastInstance.class);
			await().atMost(GENEROUS).until(() -> member.getCluster().getMembers().size() == 2);
			assertThat(member.getCluster().getLocalMember().getAttribute(HordeStructures.NODE_NAME_ATTRIBUTE)).isNull();
			await().atMost(GENEROUS)
				.untilAsserted(() -> assertThat(first.getBean(ClusterView.class).duplicateNodeNames()).containsExactly("twin"));
			await().atMost(GENEROUS)
				.untilAsserted(() -> assertThat(output).contains("2 members of the cluster have the node name 'twin'"));
		}));
	}

	@Test
	void aBehaviourThatNeedsTheApplicationsMemberStartsWithTheMemberItNamesTheNodeOf() throws IOException {
		writeApplicationConfig();
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HazelcastAutoConfiguration.class, SagentsAutoConfiguration.class))
			.withBean("counter", MemberCounter.class)
			.withPropertyValues("sagents.distribution=horde", "sagents.node-name=aware",
					"spring.hazelcast.config=" + this.directory.resolve("hazelcast.yaml").toUri(),
					"sagents.filesystem.base-directory=" + this.directory.resolve("fs"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				HazelcastInstance member = context.getBean(HazelcastInstance.class);
				assertThat(member.getCluster().getLocalMember().getAttribute(HordeStructures.NODE_NAME_ATTRIBUTE))
					.isEqualTo("aware");
				AgentRef agent = context.getBean(AgentSession.class).ensureRunning(AgentSpec.of("a-1"));
				assertThat(agent.callAndWait("members", Integer.class, GENEROUS)).isEqualTo(1);
			});
	}

	/** The application's member: its own cluster on 127.0.0.1, TCP/IP only, no phone-home. */
	private void writeApplicationConfig() throws IOException {
		Files.writeString(this.directory.resolve("hazelcast.yaml"), """
				hazelcast:
				  cluster-name: %s
				  properties:
				    hazelcast.phone.home.enabled: false
				    hazelcast.shutdownhook.enabled: false
				    hazelcast.logging.type: slf4j
				    hazelcast.socket.bind.any: false
				  network:
				    port:
				      auto-increment: true
				      port-count: 5
				      port: %d
				    interfaces:
				      enabled: true
				      interfaces:
				        - 127.0.0.1
				    join:
				      multicast:
				        enabled: false
				      auto-detection:
				        enabled: false
				      tcp-ip:
				        enabled: true
				        member-list:
				          - 127.0.0.1:%d
				          - 127.0.0.1:%d
				""".formatted(FreePorts.clusterName("names"), this.port, this.port, this.port + 1));
	}

	/** An agent id that member {@code host} of {@code hosts} hosts by placement. */
	private static String idOwnedBy(String host, List<String> hosts) {
		for (int i = 0;; i++) {
			String id = "agent-" + i;
			if (UniformDistribution.owner(ProcessKey.agent(id), hosts).orElseThrow().equals(host)) {
				return id;
			}
		}
	}

	/** The application's member as a {@link Config} bean, to which Spring Boot applies no customizer. */
	private Config applicationConfig() {
		try {
			return Config.loadFromFile(this.directory.resolve("hazelcast.yaml").toFile());
		}
		catch (FileNotFoundException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A behaviour that needs the application's Hazelcast member: it replies how many members it sees. */
	static class MemberCounter extends CountingAgent {

		private final HazelcastInstance member;

		MemberCounter(HazelcastInstance member) {
			super("members");
			this.member = member;
		}

		@Override
		public AgentResult<Integer> handle(Integer state, Object message, AgentContext context) {
			return AgentResult.reply(state, this.member.getCluster().getMembers().size());
		}

	}

}
