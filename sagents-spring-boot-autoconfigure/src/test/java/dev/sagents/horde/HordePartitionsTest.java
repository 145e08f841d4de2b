package dev.sagents.horde;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.cluster.Member;
import dev.sagents.cluster.SagentsInstance;
import dev.sagents.testsupport.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two partitions whose members share one port range and join list (free ports of 127.0.0.1),
 * as nodes of one application would: their cluster names differ, so they never join,
 * and neither holds the other's data.
 */
class HordePartitionsTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path fileSystems;

	private HordeTestCluster ord;

	private HordeTestCluster cdg;

	@AfterEach
	void stop() {
		if (this.ord != null) {
			this.ord.close();
		}
		if (this.cdg != null) {
			this.cdg.close();
		}
	}

	@Test
	void partitionsStayDisjoint() {
		String suffix = FreePorts.clusterName("");
		int ports = FreePorts.block(HordeTestCluster.PORTS);
		this.ord = new HordeTestCluster(ports, "sagents-ord" + suffix, this.fileSystems.resolve("ord"),
				AgentSettings.defaults(), Map.of("tally", new Tally()));
		this.cdg = new HordeTestCluster(ports, "sagents-cdg" + suffix, this.fileSystems.resolve("cdg"),
				AgentSettings.defaults(), Map.of("tally", new Tally()));
		HordeTestNode ord1 = this.ord.start("ord-1");
		HordeTestNode cdg1 = this.cdg.start("cdg-1");
		HordeTestNode ord2 = this.ord.start("ord-2");
		HordeTestNode cdg2 = this.cdg.start("cdg-2");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> ord1.node.membership().hostIds().size() == 2 && cdg1.node.membership().hostIds().size() == 2);

		AgentRef inOrd = ord1.agents.startAgent(AgentSpec.of("traveller")).ref();
		inOrd.callAndWait("tick", Long.class, TIMEOUT);
		assertThat(ord2.agents.findAgent("traveller")).isPresent();
		assertThat(cdg1.agents.findAgent("traveller")).as("invisible from the other partition").isEmpty();
		assertThat(cdg2.agents.countAgents()).isZero();

		AgentRef inCdg = cdg2.agents.startAgent(AgentSpec.of("traveller")).ref();
		assertThat(cdg1.agents.startAgent(AgentSpec.of("traveller")).alreadyStarted()).isTrue();
		assertThat(inCdg.callAndWait("get", Long.class, TIMEOUT)).as("a separate agent").isZero();
		assertThat(inOrd.callAndWait("get", Long.class, TIMEOUT)).isEqualTo(1L);
		assertThat(inCdg.node()).startsWith("cdg-");
		assertThat(inOrd.node()).startsWith("ord-");

		assertThat(cdg1.view.members().get(SagentsInstance.REGISTRY)).extracting(Member::node)
			.containsExactly("cdg-1", "cdg-2");
		assertThat(ord2.view.members().get(SagentsInstance.FILE_SYSTEM_SUPERVISOR)).extracting(Member::node)
			.containsExactly("ord-1", "ord-2");
		for (HordeTestNode node : this.cdg.nodes) {
			assertThat(node.hazelcast.getCluster().getMembers()).hasSize(2);
			com.hazelcast.map.IMap<String, com.hazelcast.core.HazelcastJsonValue> agents = node.hazelcast
				.getMap(HordeStructures.AGENTS_MAP);
			assertThat(agents.values()).as("cdg holds its own agent, nothing of ord").singleElement()
				.satisfies((json) -> assertThat(Registration.fromJson(dev.sagents.process.ProcessKey.agent("traveller"), json).node()).startsWith("cdg-"));
		}
	}

}
