package dev.sagents.horde;

import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The meters of two members, read from their own registries: remote calls, the registry, failovers and handoffs. */
class HordeMetricsTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration GENEROUS = Duration.ofSeconds(60);

	@TempDir
	Path fileSystems;

	@AutoClose
	private HordeTestCluster cluster;

	private void startCluster(String name) {
		this.cluster = HordeTestCluster.ofTallies("horde-metrics-" + name, this.fileSystems, AgentSettings.defaults())
			.metered();
		this.cluster.startHosting("n1", "n2");
	}

	private MeterRegistry meters(int node) {
		return this.cluster.nodes.get(node).meters;
	}

	@Test
	void callsAndCastsToAnotherMemberAreTimedAsRemoteAndTheGaugesReadEachMember() {
		startCluster("calls");
		HordeTestNode n1 = this.cluster.nodes.get(0);
		AgentRef remote = n1.agents.startAgent(AgentSpec.of(this.cluster.idOwnedBy("n2", 0))).ref();
		assertThat(remote.node()).isEqualTo("n2");
		remote.callAndWait("tick", Long.class, TIMEOUT);
		remote.call("tick", Long.class, TIMEOUT).join();
		remote.cast("tick");
		assertThat(meters(0).get("sagents.calls").tag("location", "remote").tag("outcome", "success").timer().count())
			.isEqualTo(2);
		assertThat(meters(0).get("sagents.casts").tag("location", "remote").tag("outcome", "accepted").counter()
			.count()).isEqualTo(1);
		assertThat(meters(0).get("sagents.codec.encoded.bytes").summary().count()).isGreaterThanOrEqualTo(3);
		assertThat(meters(1).get("sagents.process.starts").tag("kind", "agent").counter().count()).isEqualTo(1);
		assertThat(meters(1).get("sagents.processes.hosted").tag("kind", "agent").gauge().value()).isEqualTo(1);
		double registered = meters(0).get("sagents.registry.size").tag("kind", "agent").gauge().value()
				+ meters(1).get("sagents.registry.size").tag("kind", "agent").gauge().value();
		assertThat(registered).as("the members' shares add up to the registry").isEqualTo(1);
		assertThat(meters(0).get("sagents.members").tag("instance", "registry").tag("status", "alive").gauge().value())
			.isEqualTo(2);
	}

	@Test
	void aGracefulStopCountsItsHandoffs() {
		startCluster("moves");
		HordeTestNode n1 = this.cluster.nodes.get(0);
		for (int i = 0; i < 20; i++) {
			n1.agents.startAgent(AgentSpec.of("moves-" + i)).ref().callAndWait("tick", Long.class, TIMEOUT);
		}
		double onN2 = meters(1).get("sagents.processes.hosted").tag("kind", "agent").gauge().value();
		assertThat(onN2).isPositive();
		this.cluster.nodes.get(1).stop();
		assertThat(meters(1).get("sagents.handoffs").tag("kind", "agent").timer().count()).isEqualTo((long) onN2);
		assertThat(meters(0).get("sagents.processes.hosted").tag("kind", "agent").gauge().value()).isEqualTo(20);

	}

	@Test
	void aCrashCountsTheSurvivorsFailovers() {
		startCluster("crash");
		for (int i = 0; i < 20; i++) {
			this.cluster.nodes.get(0).agents.startAgent(AgentSpec.of("crash-" + i)).ref().callAndWait("tick", Long.class,
					TIMEOUT);
		}
		double onN2 = meters(1).get("sagents.processes.hosted").tag("kind", "agent").gauge().value();
		assertThat(onN2).isPositive();
		this.cluster.nodes.get(1).crash();
		await().atMost(GENEROUS)
			.untilAsserted(() -> assertThat(meters(0).get("sagents.failovers").tag("kind", "agent").timer().count())
				.isEqualTo((long) onN2));
	}

}
