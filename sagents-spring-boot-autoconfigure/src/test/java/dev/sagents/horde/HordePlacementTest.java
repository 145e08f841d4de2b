package dev.sagents.horde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import dev.sagents.agent.AgentInfo;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.cluster.Member;
import dev.sagents.cluster.MemberStatus;
import dev.sagents.cluster.SagentsInstance;
import dev.sagents.filesystem.FileSystemRef;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.supervisor.StartResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Where processes run in a cluster of real members: one process an id however many members start it at once, spread over
 * every member and reachable from each, and members that agree on who is up.
 */
class HordePlacementTest extends TallyClusterTests {

	@Test
	void concurrentStartsOfOneIdFromEveryNodeGiveOneProcess() throws Exception {
		startCluster("unique", 3, AgentSettings.defaults());
		ExecutorService callers = Executors.newFixedThreadPool(12);
		try {
			for (int round = 0; round < 10; round++) {
				String id = "same-" + round;
				CountDownLatch go = new CountDownLatch(1);
				List<CompletableFuture<StartResult<AgentRef>>> starts = new ArrayList<>();
				for (int i = 0; i < 12; i++) {
					HordeTestNode from = node(i % 3);
					starts.add(CompletableFuture.supplyAsync(() -> {
						awaitLatch(go);
						return from.agents.startAgent(AgentSpec.of(id));
					}, callers));
				}
				go.countDown();
				List<StartResult<AgentRef>> results = starts.stream().map(CompletableFuture::join).toList();
				assertThat(results).filteredOn((result) -> result.started()).hasSize(1);
				assertThat(results.stream().map((result) -> result.ref().node()).distinct()).hasSize(1);
				long hosting = this.cluster.nodes.stream()
					.filter((node) -> node.node.hosted().lookupHosted(dev.sagents.process.ProcessKey.agent(id)).isPresent())
					.count();
				assertThat(hosting).isOne();
			}
			assertThat(node(0).agents.countAgents()).isEqualTo(10);
		}
		finally {
			callers.shutdownNow();
		}
	}

	@Test
	void agentsSpreadOverEveryMemberAndAreVisibleEverywhereAtOnce() {
		startCluster("spread", 3, AgentSettings.defaults());
		Map<String, Integer> perNode = new HashMap<>();
		Map<String, List<ProcessKey>> runningOn = new HashMap<>();
		for (int i = 0; i < 60; i++) {
			String id = "spread-" + i;
			AgentRef agent = node(i % 3).agents.startAgent(AgentSpec.of(id)).ref();
			for (HordeTestNode other : this.cluster.nodes) {
				assertThat(other.agents.findAgent(id)).as("visible on %s right after the start", other.name).isPresent();
			}
			String host = agent.callAndWait("node", String.class, TIMEOUT);
			perNode.merge(host, 1, Integer::sum);
			runningOn.computeIfAbsent(host, (name) -> new ArrayList<>()).add(ProcessKey.agent(id));
		}
		assertThat(perNode).containsOnlyKeys("n1", "n2", "n3");
		assertThat(perNode.values()).allSatisfy((count) -> assertThat(count).isGreaterThan(5));
		for (HordeTestNode node : this.cluster.nodes) {
			assertThat(node.agents.countAgents()).isEqualTo(60);
			assertThat(node.agents.listAgents()).hasSize(60)
				.extracting((info) -> info.node())
				.containsOnly("n1", "n2", "n3");
			assertThat(node.agents.listAgents()).as("started without a type: the default one")
				.extracting(AgentInfo::type)
				.containsOnly("tally");
			assertThat(node.registry.count()).isEqualTo(60);
		}
		assertThat(node(0).view.hostedPerNode()).isEqualTo(perNode);
		FileSystemRef fileSystem = node(0).fileSystems.startFileSystem("user:alice").ref();
		for (HordeTestNode node : this.cluster.nodes) {
			assertThat(node.view.hostedHere(ProcessKind.AGENT)).as("agents running on %s", node.name)
				.containsExactlyInAnyOrderElementsOf(runningOn.get(node.name));
			assertThat(node.view.hostedHere(ProcessKind.FILESYSTEM)).as("file systems running on %s", node.name)
				.isEqualTo(node.name.equals(fileSystem.node()) ? List.of(fileSystem.key()) : List.of());
		}
	}

	@Test
	void fileSystemsAreSharedAcrossMembers() {
		startCluster("files", 3, AgentSettings.defaults());
		FileSystemRef fromN1 = node(0).fileSystems.ensureFileSystem("user:alice");
		fromN1.writeText("notes/a.md", "alpha");
		FileSystemRef fromN3 = node(2).fileSystems.findFileSystem("user:alice").orElseThrow();
		assertThat(fromN3.readText("notes/a.md")).contains("alpha");
		assertThat(fromN3.list()).extracting((entry) -> entry.path()).containsExactly("notes/a.md");
		fromN3.move("notes/a.md", "notes/b.md");
		assertThat(node(1).fileSystems.ensureFileSystem("user:alice").readText("notes/b.md")).contains("alpha");
		assertThat(node(1).fileSystems.listFileSystems()).singleElement()
			.satisfies((info) -> assertThat(info.files()).isEqualTo(1));
	}

	@Test
	void membersShowTheirStatusAndAgree() {
		startCluster("view", 3, AgentSettings.defaults());
		assertThat(node(1).view.members().get(SagentsInstance.AGENTS_SUPERVISOR))
			.containsExactly(new Member("n1", MemberStatus.ALIVE), new Member("n2", MemberStatus.ALIVE),
					new Member("n3", MemberStatus.ALIVE));
		assertThat(node(1).view.liveNodes()).containsExactly("n1", "n2", "n3");
		assertThat(node(1).view.consistent()).isTrue();
		assertThat(node(1).view.joined()).isTrue();
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
