package dev.sagents.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hazelcast.autoconfigure.HazelcastAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentResult;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.cluster.ClusterView;
import dev.sagents.cluster.Member;
import dev.sagents.cluster.MemberStatus;
import dev.sagents.cluster.SagentsInstance;
import dev.sagents.horde.HordeStructures;
import dev.sagents.horde.OwnedHazelcastMemberProvider;
import dev.sagents.process.ProcessKind;
import dev.sagents.testsupport.FreePorts;
import dev.sagents.testsupport.TestAgent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes of one application cluster (its own Hazelcast members, on free ports of 127.0.0.1)
 * where only one runs the sagents supervisor; the other is a proxy node, which reaches every agent.
 * With {@code members=participation} the proxy's sagents member is a lite member, holding no sagents
 * data, and the application's cluster carries no sagents traffic; with {@code members=auto} it is a
 * member, shown {@code uninitialized} under its node name, and never chosen to host.
 */
class ParticipationConfinementTests {

	private static final Duration GENEROUS = Duration.ofSeconds(60);

	@TempDir
	Path baseDirectory;

	/** The first of the application members' ports. */
	private final int applicationPort = FreePorts.block(5);

	/** The first of the ports of the members sagents starts. */
	private final int sagentsPort = FreePorts.block(5);

	private ApplicationContextRunner node(String name, String appCluster, String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HazelcastAutoConfiguration.class, SagentsAutoConfiguration.class))
			.withBean(Config.class, () -> applicationConfig(appCluster, name, this.applicationPort))
			.withBean("echo", Echo.class, Echo::new)
			.withPropertyValues("sagents.distribution=horde", "sagents.node-name=" + name,
					"sagents.filesystem.base-directory=" + this.baseDirectory.resolve(name),
					"sagents.horde.network.port=" + this.sagentsPort, "sagents.horde.network.port-count=5",
					"sagents.horde.network.join-members=127.0.0.1:" + this.sagentsPort + ",127.0.0.1:"
							+ (this.sagentsPort + 1) + ",127.0.0.1:" + (this.sagentsPort + 2),
					"sagents.horde.cluster-name=" + appCluster + "-sagents")
			.withPropertyValues(properties);
	}

	@Test
	void aProxyNodeOfTheApplicationClusterReachesTheAgentsButHoldsAndCarriesNoSagentsData() {
		String cluster = FreePorts.clusterName("app");
		node("web", cluster, "sagents.horde.members=participation", "sagents.supervisor.enabled=false").run((web) -> {
			node("worker", cluster, "sagents.horde.members=participation").run((worker) -> {
				HazelcastInstance webApp = web.getBean(HazelcastInstance.class);
				HazelcastInstance workerApp = worker.getBean(HazelcastInstance.class);
				await().atMost(GENEROUS).until(() -> webApp.getCluster().getMembers().size() == 2);

				AgentsSupervisor agents = worker.getBean(AgentsSupervisor.class);
				agents.startAgent(AgentSpec.of("a1")).ref().callAndWait("hi", String.class, Duration.ofSeconds(10));
				AgentsSupervisor fromWeb = web.getBean(AgentsSupervisor.class);
				assertThat(fromWeb.findAgent("a1")).isPresent();
				AgentRef started = fromWeb.startAgent(AgentSpec.of("a2")).ref();
				assertThat(started.node()).isEqualTo("worker");
				assertThat(started.callAndWait("hi", String.class, Duration.ofSeconds(10))).isEqualTo("hi");

				ClusterView view = worker.getBean(ClusterView.class);
				await().atMost(GENEROUS).untilAsserted(() -> {
					for (SagentsInstance instance : SagentsInstance.values()) {
						assertThat(view.members().get(instance)).as(instance.value())
							.containsExactly(new Member("web", MemberStatus.UNINITIALIZED),
									new Member("worker", MemberStatus.ALIVE));
					}
				});
				assertThat(web.getBean(OwnedHazelcastMemberProvider.class).config().isLiteMember())
					.as("the proxy's sagents member holds no sagents data")
					.isTrue();
				assertThat(worker.getBean(OwnedHazelcastMemberProvider.class).config().isLiteMember()).isFalse();
				assertThat(sagentsObjects(webApp)).as("the application cluster carries no sagents data").isEmpty();
				assertThat(sagentsObjects(workerApp)).isEmpty();
				assertThat(web.getBean(ClusterView.class).hostedHere(ProcessKind.AGENT)).isEmpty();
			});
		});
	}

	@Test
	void inAutoModeANodeWithoutTheSupervisorIsAnUninitializedMemberThatNeverHostsButReachesTheAgents() {
		String cluster = FreePorts.clusterName("app");
		node("web", cluster, "sagents.supervisor.enabled=false").run((web) -> {
			node("worker", cluster).run((worker) -> {
				HazelcastInstance webApp = web.getBean(HazelcastInstance.class);
				await().atMost(GENEROUS).until(() -> webApp.getCluster().getMembers().size() == 2);
				ClusterView view = worker.getBean(ClusterView.class);
				await().atMost(GENEROUS).untilAsserted(() -> assertThat(view.members().get(SagentsInstance.REGISTRY))
					.containsExactlyInAnyOrder(new Member("worker", MemberStatus.ALIVE),
							new Member("web", MemberStatus.UNINITIALIZED)));
				AgentsSupervisor fromWorker = worker.getBean(AgentsSupervisor.class);
				AgentsSupervisor fromWeb = web.getBean(AgentsSupervisor.class);
				for (int i = 0; i < 20; i++) {
					AgentsSupervisor from = (i % 2 == 0) ? fromWorker : fromWeb;
					AgentRef agent = from.startAgent(AgentSpec.of("auto-" + i)).ref();
					assertThat(agent.node()).isEqualTo("worker");
					assertThat(fromWeb.findAgent("auto-" + i).orElseThrow().callAndWait("hi", String.class,
							Duration.ofSeconds(10))).isEqualTo("hi");
				}
				assertThat(web.getBean(ClusterView.class).hostedHere(ProcessKind.AGENT)).isEmpty();
				assertThat(sagentsObjects(webApp)).as("in auto mode every member holds sagents data")
					.contains(HordeStructures.AGENTS_MAP);
			});
		});
	}

	private static List<String> sagentsObjects(HazelcastInstance instance) {
		return instance.getDistributedObjects()
			.stream()
			.map(DistributedObject::getName)
			.filter((name) -> name.startsWith("sagents."))
			.toList();
	}

	/** A member of the application's own cluster {@code clusterName}, on 127.0.0.1 from {@code port}, found by TCP/IP only. */
	static Config applicationConfig(String clusterName, String node, int port) {
		Config config = new Config();
		config.setClusterName(clusterName);
		config.setInstanceName(clusterName + "-" + node);
		config.setProperty("hazelcast.phone.home.enabled", "false");
		config.setProperty("hazelcast.shutdownhook.enabled", "false");
		config.setProperty("hazelcast.logging.type", "slf4j");
		config.setProperty("hazelcast.socket.bind.any", "false");
		config.getNetworkConfig().setPort(port).setPortCount(5).setPortAutoIncrement(true);
		config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
		JoinConfig join = config.getNetworkConfig().getJoin();
		join.getMulticastConfig().setEnabled(false);
		join.getAutoDetectionConfig().setEnabled(false);
		join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port).addMember("127.0.0.1:" + (port + 1));
		return config;
	}

	/** Answers every message with itself. */
	static class Echo extends TestAgent<String> {

		Echo() {
			super(String.class, "");
		}

		@Override
		public AgentResult<String> handle(String state, Object message, AgentContext context) {
			return AgentResult.reply(state, message);
		}

	}

}
