package dev.sagents.horde;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.hazelcast.map.LocalMapStats;
import org.junit.jupiter.api.Test;

import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.cluster.Member;
import dev.sagents.cluster.SagentsInstance;
import dev.sagents.filesystem.FileSystemRef;
import dev.sagents.supervisor.RestartIntensity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Members that leave a cluster of real members: a crashed one's agents come back on the survivors with their state, a
 * stopping one hands every process over without losing a message, and an agent stopped for inactivity stays stopped.
 */
class HordeFailoverTest extends TallyClusterTests {

	@Test
	void allAgentsOfAKilledMemberComeBackOnTheSurvivorsWithTheirState() {
		startCluster("crash", 3, AgentSettings.defaults());
		// References the survivors hold from before the crash: node(2) is the victim.
		List<AgentRef> heldBySurvivors = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			AgentRef agent = node(i % 3).agents.startAgent(AgentSpec.of("crash-" + i)).ref();
			agent.callAndWait("tick", Long.class, TIMEOUT);
			if (i % 3 != 2) {
				heldBySurvivors.add(agent);
			}
		}
		HordeTestNode victim = node(2);
		Set<String> onVictim = node(0).agents.listAgents().stream()
			.filter((info) -> info.node().equals("n3"))
			.map((info) -> info.id())
			.collect(Collectors.toSet());
		assertThat(onVictim).isNotEmpty();
		victim.crash();
		await().atMost(GENEROUS).untilAsserted(() -> {
			assertThat(node(0).agents.listAgents()).hasSize(200).extracting((info) -> info.node()).doesNotContain("n3");
		});
		for (String id : onVictim) {
			AgentRef moved = node(0).agents.findAgent(id).orElseThrow();
			assertThat(moved.callAndWait("get", Long.class, TIMEOUT)).as(id).isEqualTo(1L);
		}
		// Casts first: a reference still naming the dead member takes the cast to where its agent runs now.
		heldBySurvivors.forEach((agent) -> agent.cast("tick"));
		for (AgentRef agent : heldBySurvivors) {
			await().atMost(GENEROUS)
				.untilAsserted(() -> assertThat(agent.callAndWait("get", Long.class, TIMEOUT))
					.as("the reference from before the crash to %s, after a cast", agent.id())
					.isEqualTo(2L));
			assertThat(agent.node()).isNotEqualTo("n3");
		}
		assertThat(node(0).view.members().get(SagentsInstance.REGISTRY)).extracting(Member::node)
			.containsExactly("n1", "n2");
		assertThat(node(1).view.consistent()).isTrue();
	}

	@Test
	void aGracefulStopHandsEveryProcessOver() {
		startCluster("handoff", 3, AgentSettings.defaults());
		for (int i = 0; i < 60; i++) {
			node(i % 3).agents.startAgent(AgentSpec.of("handoff-" + i)).ref().callAndWait("tick", Long.class, TIMEOUT);
		}
		String scope = this.cluster.scopeOwnedBy("n2");
		FileSystemRef files = node(0).fileSystems.ensureFileSystem(scope);
		assertThat(files.node()).isEqualTo("n2");
		files.writeText("kept.md", "kept");
		node(1).stop();
		assertThat(node(0).agents.listAgents()).hasSize(60).extracting((info) -> info.node()).doesNotContain("n2");
		for (int i = 0; i < 60; i++) {
			assertThat(node(2).agents.findAgent("handoff-" + i).orElseThrow().callAndWait("get", Long.class, TIMEOUT))
				.isEqualTo(1L);
		}
		assertThat(files.readText("kept.md")).as("the old reference follows the file system").contains("kept");
		assertThat(node(2).fileSystems.findFileSystem(scope).orElseThrow().node()).isNotEqualTo("n2");
		assertThat(node(0).view.liveNodes()).containsExactly("n1", "n3");
	}

	@Test
	void noMessageIsLostWhileAMemberHandsItsAgentsOver() throws Exception {
		startCluster("lossless", 3, AgentSettings.defaults());
		List<AgentRef> agents = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			agents.add(node(i % 3).agents.startAgent(AgentSpec.of("lossless-" + i)).ref());
		}
		List<AgentRef> fromN1 = agents.stream().map((agent) -> node(0).agents.findAgent(agent.id()).orElseThrow()).toList();
		int casts = 3000;
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
			for (int i = 0; i < casts; i++) {
				AgentRef agent = fromN1.get(i % fromN1.size());
				if (i % 10 == 0) {
					try {
						agent.callAndWait("tick", Long.class, TIMEOUT);
					}
					catch (RuntimeException ex) {
						failures.add(ex);
					}
				}
				else {
					agent.cast("tick");
				}
			}
		});
		node(1).stop();
		sender.get(60, java.util.concurrent.TimeUnit.SECONDS);
		assertThat(failures).as("calls during the handoff").isEmpty();
		await().atMost(GENEROUS).untilAsserted(() -> assertThat(fromN1.stream()
			.mapToLong((agent) -> agent.callAndWait("get", Long.class, TIMEOUT))
			.sum()).isEqualTo(casts));
	}

	@Test
	void aReferenceToAMemberThatDrainedAndLeftFindsItsAgentWithoutReadingTheRegistry() {
		startCluster("drained", 3, AgentSettings.defaults());
		String id = hostedOnN2RegisteredElsewhere();
		node(0).agents.startAgent(AgentSpec.of(id)).ref().callAndWait("tick", Long.class, TIMEOUT);
		AgentRef fromBefore = node(0).agents.findAgent(id).orElseThrow();
		assertThat(fromBefore.node()).isEqualTo("n2");
		String drained = node(1).member();
		node(1).stop();
		await().atMost(GENEROUS).until(() -> node(0).node.knowsDrained(drained));
		long readsBefore = registryReads();
		assertThat(fromBefore.callAndWait("tick", Long.class, TIMEOUT)).isEqualTo(2L);
		assertThat(registryReads() - readsBefore).as("registry reads of the call").isZero();
		assertThat(fromBefore.node()).isNotEqualTo("n2");
	}

	/** An agent id that n2 hosts by placement and whose registration n1 or n3 holds, so that they count its reads. */
	private String hostedOnN2RegisteredElsewhere() {
		for (int from = 0;; from++) {
			String id = this.cluster.idOwnedBy("n2", from);
			if (!node(0).hazelcast.getPartitionService().getPartition(id).getOwner().localMember()
					&& !node(2).hazelcast.getPartitionService().getPartition(id).getOwner().localMember()) {
				from = Integer.parseInt(id.substring("aimed-".length()));
				continue;
			}
			return id;
		}
	}

	/** The reads of the agents' registry that n1 and n3, which stay, served so far. */
	private long registryReads() {
		return Stream.of(node(0), node(2))
			.map((node) -> node.hazelcast.getMap(HordeStructures.AGENTS_MAP).getLocalMapStats())
			.mapToLong(LocalMapStats::getGetOperationCount)
			.sum();
	}

	@Test
	void anAgentStoppedForInactivityIsNotRestartedAnywhere() {
		startCluster("idle", 2, new AgentSettings(Duration.ofMillis(300), Duration.ofSeconds(5), TIMEOUT,
				RestartIntensity.defaults()));
		node(0).agents.startAgent(AgentSpec.of("sleepy")).ref().callAndWait("tick", Long.class, TIMEOUT);
		await().atMost(GENEROUS).until(() -> node(1).agents.findAgent("sleepy").isEmpty());
		node(1).node.reconcile();
		node(0).node.reconcile();
		assertThat(node(0).agents.countAgents()).isZero();
		assertThat(node(1).agents.listAgents()).isEmpty();
	}

}
