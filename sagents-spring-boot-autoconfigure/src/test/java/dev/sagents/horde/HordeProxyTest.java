package dev.sagents.horde;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.sagents.agent.AgentEvent;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.cluster.Member;
import dev.sagents.cluster.MemberStatus;
import dev.sagents.cluster.SagentsInstance;
import dev.sagents.filesystem.FileSystemRef;
import dev.sagents.process.ProcessKind;
import dev.sagents.registry.RegistryUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A proxy node (one that runs no sagents supervisor) beside two hosting nodes, real Hazelcast
 * members in this JVM on free ports of 127.0.0.1: it starts, calls, casts, looks up and follows
 * every process, hosts none, and keeps doing so when the node hosting what it talks to dies.
 */
class HordeProxyTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration GENEROUS = Duration.ofSeconds(60);

	/** What the proxy node's member is, as each {@code sagents.horde.members} mode makes it. */
	enum ProxyMember {

		/** {@code members=auto}: the application's member, which holds data like every other. */
		DATA_MEMBER,

		/** {@code members=participation}: the member sagents starts, a lite member that holds no data. */
		LITE_MEMBER

	}

	@TempDir
	Path fileSystems;

	@AutoClose
	private HordeTestCluster cluster;

	private HordeTestNode startProxy(String clusterName, ProxyMember member) {
		this.cluster = HordeTestCluster.ofTallies(clusterName, this.fileSystems, AgentSettings.defaults());
		Config config = this.cluster.memberConfig("proxy").setLiteMember(member == ProxyMember.LITE_MEMBER);
		return this.cluster.startProxy("proxy", config);
	}

	@ParameterizedTest
	@EnumSource(ProxyMember.class)
	void aProxyNodeReachesEveryProcessHostsNoneAndOutlivesTheHostItTalksTo(ProxyMember member) {
		// The proxy comes first: it joins without any host to join.
		HordeTestNode proxy = startProxy("proxy-" + member.name().toLowerCase().replace('_', '-'), member);
		this.cluster.startHosting("h1", "h2");

		List<AgentRef> agents = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			AgentRef agent = proxy.agents.startAgent(AgentSpec.of("proxied-" + i)).ref();
			assertThat(agent.node()).as("placed on a hosting member").isIn("h1", "h2");
			assertThat(agent.callAndWait("node", String.class, TIMEOUT)).isEqualTo(agent.node());
			agents.add(agent);
		}
		String id = this.cluster.idOwnedBy("h2", 0);
		AgentRef watched = proxy.agents.startAgent(AgentSpec.of(id)).ref();
		assertThat(watched.node()).isEqualTo("h2");
		List<AgentEvent> events = new CopyOnWriteArrayList<>();
		proxy.agents.subscribe(id, events::add);
		for (int i = 0; i < 50; i++) {
			watched.cast("tick");
		}
		assertThat(proxy.agents.findAgent(id).orElseThrow().callAndWait("get", Long.class, TIMEOUT)).isEqualTo(50L);
		watched.call(new Tally.Note("before", 1), Tally.Noted.class, TIMEOUT).join();
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(Tally.notes(events)).containsExactly("before"));
		FileSystemRef files = proxy.fileSystems.ensureFileSystem("user:proxied");
		files.writeText("notes/a.md", "alpha");
		assertThat(proxy.fileSystems.findFileSystem("user:proxied").orElseThrow().readText("notes/a.md"))
			.contains("alpha");
		assertThat(files.node()).isIn("h1", "h2");
		assertThat(proxy.agents.listAgents()).hasSize(21).extracting((info) -> info.node()).doesNotContain("proxy");
		assertThat(proxy.registry.count(ProcessKind.AGENT)).isEqualTo(21);
		await().atMost(GENEROUS)
			.untilAsserted(() -> assertThat(this.cluster.node("h1").view.members().get(SagentsInstance.REGISTRY))
				.as("the proxy shows its node name, and a status placement skips")
				.contains(new Member("proxy", MemberStatus.UNINITIALIZED)));
		assertHostsNothing(proxy, member);

		this.cluster.awaitBackups("h1");
		this.cluster.node("h2").crash();
		await().atMost(GENEROUS)
			.until(() -> proxy.agents.findAgent(id).map((found) -> found.node().equals("h1")).orElse(false));
		Tally.Noted after = watched.call(new Tally.Note("after", 1), Tally.Noted.class, TIMEOUT).join();
		assertThat(after.node()).as("the proxy's old reference follows the agent").isEqualTo("h1");
		assertThat(after.handled()).as("state restored from persistence").isEqualTo(52);
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(Tally.notes(events)).containsExactly("before", "after"));
		for (AgentRef agent : agents) {
			assertThat(agent.callAndWait("node", String.class, TIMEOUT)).as(agent.id()).isEqualTo("h1");
		}
		// Writes not flushed yet die with their host: what counts here is that the scope is served again.
		assertThat(proxy.fileSystems.ensureFileSystem("user:proxied").node()).isEqualTo("h1");
		assertThat(proxy.agents.startAgent(AgentSpec.of("after-crash")).ref().node()).isEqualTo("h1");
		assertHostsNothing(proxy, member);
	}

	@Test
	void aLiteProxyNodeWithNoHostToHoldTheRegistrySaysSo() {
		HordeTestNode proxy = startProxy("proxy-alone", ProxyMember.LITE_MEMBER);
		assertThatExceptionOfType(RegistryUnavailableException.class).isThrownBy(() -> proxy.agents.findAgent("a1"))
			.withMessageContaining("no member of the sagents cluster holds its registry");
		assertThatExceptionOfType(RegistryUnavailableException.class)
			.isThrownBy(() -> proxy.agents.subscribe("a1", (event) -> {
			}));
		assertThat(proxy.view.hostedPerNode()).isEmpty();

		HordeTestNode host = this.cluster.start("h1");
		this.cluster.awaitAllHosting();
		AgentRef agent = proxy.agents.startAgent(AgentSpec.of("a1")).ref();
		assertThat(agent.callAndWait("node", String.class, TIMEOUT)).isEqualTo("h1");
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(host.view.members().get(SagentsInstance.REGISTRY))
				.as("the proxy announces itself once a member holds the statuses")
				.contains(new Member("proxy", MemberStatus.UNINITIALIZED)));

		host.crash();
		await().atMost(GENEROUS).until(() -> proxy.hazelcast.getCluster().getMembers().size() == 1);
		assertThatExceptionOfType(RegistryUnavailableException.class).isThrownBy(() -> proxy.registry.count())
			.withMessageContaining("no node that runs the sagents supervisor has joined");
	}

	private void assertHostsNothing(HordeTestNode proxy, ProxyMember member) {
		assertThat(proxy.view.hostedHere(ProcessKind.AGENT)).isEmpty();
		assertThat(proxy.view.hostedHere(ProcessKind.FILESYSTEM)).isEmpty();
		assertThat(proxy.view.hostedPerNode().getOrDefault("proxy", 0)).isZero();
		if (member == ProxyMember.LITE_MEMBER) {
			HazelcastInstance hazelcast = proxy.hazelcast;
			assertThat(hazelcast.getMap(HordeStructures.AGENTS_MAP).getLocalMapStats().getOwnedEntryCount())
				.as("holds no registry entry").isZero();
			assertThat(hazelcast.getPartitionService().getPartitions())
				.noneMatch((partition) -> hazelcast.getCluster().getLocalMember().equals(partition.getOwner()));
		}
	}

}
