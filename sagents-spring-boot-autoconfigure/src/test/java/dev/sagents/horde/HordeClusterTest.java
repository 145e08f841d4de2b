package dev.sagents.horde;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sagents.agent.AgentEvent;
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
import dev.sagents.supervisor.RestartIntensity;
import dev.sagents.supervisor.StartResult;
import dev.sagents.testsupport.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Three real Hazelcast members in this JVM, on free ports of 127.0.0.1 and a cluster name of their own. */
class HordeClusterTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration GENEROUS = Duration.ofSeconds(60);

	@TempDir
	Path fileSystems;

	private HordeTestCluster cluster;

	private HordeTestNode startCluster(String name, int nodes, AgentSettings settings) {
		return startCluster(name, nodes, settings, Duration.ofSeconds(15));
	}

	private HordeTestNode startCluster(String name, int nodes, AgentSettings settings,
			Duration requestTimeout) {
		this.cluster = new HordeTestCluster(FreePorts.block(HordeTestCluster.PORTS), FreePorts.clusterName("horde-test-" + name),
				this.fileSystems,
				settings, Map.of("tally", new Tally())).requestTimeout(requestTimeout);
		for (int i = 1; i <= nodes; i++) {
			this.cluster.start("n" + i);
		}
		this.cluster.awaitAllHosting();
		return node(0);
	}

	private HordeTestNode node(int index) {
		return this.cluster.nodes.get(index);
	}

	@AfterEach
	void stopCluster() {
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

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
	void callsCastsAndEventsWorkAcrossMembersInOrder() {
		startCluster("calls", 3, AgentSettings.defaults());
		String id = this.cluster.idOwnedBy("n3", 0);
		node(0).agents.startAgent(AgentSpec.of(id));
		AgentRef fromN1 = node(0).agents.findAgent(id).orElseThrow();
		assertThat(fromN1.node()).isEqualTo("n3");
		List<AgentEvent> events = new CopyOnWriteArrayList<>();
		node(1).agents.subscribe(id, events::add);
		for (int i = 0; i < 500; i++) {
			fromN1.cast("tick");
		}
		assertThat(fromN1.callAndWait("get", Long.class, TIMEOUT)).isEqualTo(500L);
		Tally.Noted noted = fromN1.call(new Tally.Note("hello", 2), Tally.Noted.class, TIMEOUT).join();
		assertThat(noted).isEqualTo(new Tally.Noted("hello", 501, "n3"));
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(events).filteredOn(AgentEvent.Published.class::isInstance)
				.singleElement()
				.satisfies((event) -> assertThat(((AgentEvent.Published) event).payload())
					.isEqualTo(new Tally.Note("hello", 2))));
		assertThat(events).filteredOn(AgentEvent.Replied.class::isInstance).isNotEmpty();
		assertThat(fromN1.status().value()).isEqualTo("idle");
		node(2).agents.stopAgent(id);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(events).filteredOn(AgentEvent.Shutdown.class::isInstance).hasSize(1));
	}

	@Test
	void subscriptionsFollowAnAgentToItsNextMember() {
		startCluster("follow", 3, AgentSettings.defaults());
		String id = this.cluster.idOwnedBy("n3", 0);
		List<AgentEvent> events = new CopyOnWriteArrayList<>();
		node(0).agents.subscribe(id, events::add);
		AgentRef agent = node(1).agents.startAgent(AgentSpec.of(id)).ref();
		agent.call(new Tally.Note("before", 1), Tally.Noted.class, TIMEOUT).join();
		// An event still on its way when its member crashes is lost with it: the crash comes after.
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(Tally.notes(events)).containsExactly("before"));
		node(2).crash();
		await().atMost(GENEROUS).until(() -> node(0).agents.findAgent(id).map((found) -> !found.node().equals("n3")).orElse(false));
		Tally.Noted after = node(1).agents.findAgent(id).orElseThrow().call(new Tally.Note("after", 1), Tally.Noted.class, TIMEOUT)
			.join();
		assertThat(after.handled()).as("state restored from persistence").isEqualTo(2);
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(Tally.notes(events)).containsExactly("before", "after"));
		assertThat(events).filteredOn(AgentEvent.Started.class::isInstance)
			.extracting((event) -> ((AgentEvent.Started) event).node())
			.containsExactly("n3", after.node());
	}

	@Test
	void theSubscriptionsOfACrashedMemberAreForgotten() {
		startCluster("forget", 3, AgentSettings.defaults());
		String id = this.cluster.idOwnedBy("n1", 0);
		AgentRef agent = node(0).agents.startAgent(AgentSpec.of(id)).ref();
		String crashed = node(2).member();
		node(2).agents.subscribe(id, (event) -> {
		});
		com.hazelcast.multimap.MultiMap<String, String> subscriptions = node(0).hazelcast
			.getMultiMap(HordeStructures.SUBSCRIPTIONS_MAP);
		assertThat(subscriptions.get(id)).containsExactly(crashed);
		node(2).crash();
		await().atMost(GENEROUS).until(() -> subscriptions.get(id).isEmpty());
		// Events go nowhere now: neither to the dead member nor into a topic made anew for it.
		agent.call(new Tally.Note("after", 1), Tally.Noted.class, TIMEOUT).join();
		node(0).agents.stopAgent(id);
		node(1).agents.startAgent(AgentSpec.of(id)).ref().call(new Tally.Note("restarted", 1), Tally.Noted.class, TIMEOUT)
			.join();
		assertThat(node(0).hazelcast.getDistributedObjects()).extracting((object) -> object.getName())
			.doesNotContain(HordeStructures.INBOX_PREFIX + crashed);
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
	void aCallMayTakeLongerThanARequestBetweenMembersUpToTheConfiguredCallTimeout() {
		Duration timeout = Tally.SLOW.multipliedBy(3);
		AgentSettings defaults = AgentSettings.defaults();
		startCluster("slow", 2, new AgentSettings(defaults.inactivityTimeout(), defaults.shutdownGrace(), timeout,
				defaults.restartIntensity()), Duration.ofSeconds(1));
		AgentRef agent = node(0).agents.startAgent(AgentSpec.of(this.cluster.idOwnedBy("n2", 0))).ref();
		assertThat(agent.node()).isEqualTo("n2");
		assertThat(agent.callTimeout()).isEqualTo(timeout);
		assertThat(agent.callAndWait("slow", String.class)).isEqualTo("slept");
		assertThat(agent.call("slow", String.class)).succeedsWithin(timeout).isEqualTo("slept");
	}

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

	@Test
	void afterAMergeOnlyTheProcessTheRegistryKeptSurvives() {
		startCluster("merge", 2, AgentSettings.defaults());
		String id = this.cluster.idOwnedBy("n1", 0);
		AgentRef loser = node(1).agents.startAgent(AgentSpec.of(id)).ref();
		loser.callAndWait("tick", Long.class, TIMEOUT);
		assertThat(loser.node()).isEqualTo("n1");
		// What a healed split leaves behind: the merged registry kept the other side's entry.
		com.hazelcast.map.IMap<String, com.hazelcast.core.HazelcastJsonValue> agents = node(0).hazelcast
			.getMap(HordeStructures.AGENTS_MAP);
		Registration kept = Registration.fromJson(dev.sagents.process.ProcessKey.agent(id), agents.get(id)).movedTo(node(1).member(), "n2");
		agents.set(id, kept.toJson());
		this.cluster.persistence.states.put(id, new Tally.Count(41));
		// Each view shows what runs where, not what the registry says.
		assertThat(node(0).view.hostedHere(ProcessKind.AGENT)).containsExactly(ProcessKey.agent(id));
		assertThat(node(1).view.hostedHere(ProcessKind.AGENT)).isEmpty();
		node(0).node.reconcile();
		await().atMost(TIMEOUT).until(() -> node(0).view.hostedHere(ProcessKind.AGENT).isEmpty());
		assertThat(this.cluster.persistence.states.get(id)).as("the loser did not overwrite the survivor's state")
			.isEqualTo(new Tally.Count(41));
		assertThat(Registration.fromJson(dev.sagents.process.ProcessKey.agent(id), agents.get(id)).node()).isEqualTo("n2");
	}

	@Test
	void aMemberWhoseInboxANodeHealedFromASplitDestroyedAnswersAgain() {
		startCluster("inbox", 2, AgentSettings.defaults());
		String id = this.cluster.idOwnedBy("n2", 0);
		AgentRef agent = node(0).agents.startAgent(AgentSpec.of(id)).ref();
		assertThat(agent.callAndWait("tick", Long.class, TIMEOUT)).isOne();
		// What a node that merged back may do late: destroy the inbox of a member it saw leave.
		node(0).hazelcast.getTopic(HordeStructures.INBOX_PREFIX + node(1).member()).destroy();
		await().atMost(GENEROUS)
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(agent.callAndWait("node", String.class, Duration.ofSeconds(1))).isEqualTo("n2"));
		assertThat(agent.callAndWait("tick", Long.class, TIMEOUT)).isEqualTo(2);
		assertThat(node(0).agents.listAgents()).extracting((info) -> info.id()).containsExactly(id);
	}

	@Test
	void aMemberWhoseStatusANodeHealedFromASplitRemovedAnnouncesItAgain() {
		startCluster("status", 2, AgentSettings.defaults());
		com.hazelcast.map.IMap<String, com.hazelcast.core.HazelcastJsonValue> statuses = node(0).hazelcast
			.getMap(HordeStructures.MEMBERS_MAP);
		statuses.remove(node(1).member());
		await().atMost(GENEROUS).until(() -> statuses.containsKey(node(1).member()));
		// A node that joins now reads the statuses from the map: it must see n2 as a host too.
		HordeTestNode third = this.cluster.start("n3");
		await().atMost(GENEROUS).until(() -> third.node.membership().hostIds().size() == 3);
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
