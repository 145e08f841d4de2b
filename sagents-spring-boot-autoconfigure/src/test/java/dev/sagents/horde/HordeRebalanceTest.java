package dev.sagents.horde;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.cluster.RebalanceMode;
import dev.sagents.cluster.UniformDistribution;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three real members in this JVM: agents start while two are up, then the third joins. With active
 * rebalancing it gets its share, the agents it owns first, with their state, while every call made
 * meanwhile succeeds, and rolling restarts leave every member its share; with passive rebalancing
 * nothing moves.
 */
class HordeRebalanceTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration GENEROUS = Duration.ofSeconds(60);

	private static final int AGENTS = 90;

	private static final int ROLLING_AGENTS = 30;

	@TempDir
	Path fileSystems;

	@AutoClose
	private HordeTestCluster cluster;

	/** The callers of the test, stopped after it whatever its outcome (before the cluster closes). */
	private final List<Callers> allCallers = new ArrayList<>();

	@AfterEach
	void stopCallers() {
		this.allCallers.forEach(Callers::halt);
	}

	private List<AgentRef> startAgentsOnTwo(String name, RebalanceMode mode) {
		return startAgentsOnTwo(name, new HordeSettings.Rebalance(mode, 10, Duration.ofMillis(5)));
	}

	private List<AgentRef> startAgentsOnTwo(String name, HordeSettings.Rebalance rebalance) {
		this.cluster = HordeTestCluster.ofTallies("horde-rebalance-" + name, this.fileSystems, AgentSettings.defaults())
			.rebalance(rebalance);
		this.cluster.startHosting("n1", "n2");
		List<AgentRef> agents = new ArrayList<>();
		for (int i = 0; i < AGENTS; i++) {
			AgentRef agent = this.cluster.nodes.get(i % 2).agents.startAgent(AgentSpec.of("moving-" + i)).ref();
			assertThat(agent.callAndWait("tick", Long.class, TIMEOUT)).isEqualTo(1L);
			agents.add(agent);
		}
		return agents;
	}

	@Test
	void withActiveRebalancingTheMemberThatJoinedGetsItsShareWithTheStateOfTheAgentsAndNoCallFails() throws Exception {
		List<AgentRef> agents = startAgentsOnTwo("active", RebalanceMode.ACTIVE);
		Map<String, Set<ProcessKey>> hadThere = agents.stream()
			.collect(Collectors.groupingBy(AgentRef::node,
					Collectors.mapping((agent) -> ProcessKey.agent(agent.id()), Collectors.toSet())));
		Callers callers = startCallers(this.cluster.nodes.stream()
			.map((from) -> agents.stream().map((agent) -> from.agents.findAgent(agent.id()).orElseThrow()).toList())
			.toList());
		HordeTestNode third = this.cluster.start("n3");
		this.cluster.awaitAllHosting();
		List<String> hosts = third.node.membership().hostIds();
		Set<ProcessKey> ownedByThird = agents.stream()
			.map((agent) -> ProcessKey.agent(agent.id()))
			.filter((key) -> UniformDistribution.owner(key, hosts).orElseThrow().equals(third.member()))
			.collect(Collectors.toSet());
		assertThat(ownedByThird).as("agents the third member owns").hasSizeGreaterThan(10);
		awaitHosting(this.cluster.nodes, AGENTS / 3);
		callers.stopWithoutFailures();
		// Each member sends the agents the third owns first: all it sent are owned by the third, or it sent all those.
		Set<ProcessKey> onThird = Set.copyOf(third.node.hosted().keysHosted(ProcessKind.AGENT));
		for (String from : List.of("n1", "n2")) {
			Set<ProcessKey> sent = intersection(hadThere.get(from), onThird);
			Set<ProcessKey> ownedThere = intersection(hadThere.get(from), ownedByThird);
			assertThat(ownedThere.containsAll(sent) || sent.containsAll(ownedThere))
				.as("%s sent %s, had %s the third owns", from, sent, ownedThere)
				.isTrue();
		}
		callers.assertEachHandledEveryCall(agents, firstTicks(agents));
		assertThat(this.cluster.nodes.get(0).agents.countAgents()).isEqualTo(AGENTS);
	}

	@Test
	void afterRollingRestartsAndACrashEveryMemberHostsItsShareAndNoCallFails() throws Exception {
		this.cluster = HordeTestCluster.ofTallies("horde-rebalance-rolling", this.fileSystems, AgentSettings.defaults())
			.rebalance(new HordeSettings.Rebalance(RebalanceMode.ACTIVE, 10, Duration.ofMillis(5)));
		// Calls go through a node that hosts nothing and never restarts.
		HordeTestNode caller = this.cluster.startProxy("caller",
				this.cluster.memberConfig("caller").setLiteMember(true));
		Map<String, HordeTestNode> members = new LinkedHashMap<>();
		for (String name : List.of("n1", "n2", "n3")) {
			members.put(name, this.cluster.start(name));
		}
		this.cluster.awaitAllHosting();
		List<AgentRef> agents = new ArrayList<>();
		for (int i = 0; i < ROLLING_AGENTS; i++) {
			AgentRef agent = caller.agents.startAgent(AgentSpec.of("rolling-" + i)).ref();
			assertThat(agent.callAndWait("tick", Long.class, TIMEOUT)).isEqualTo(1L);
			agents.add(agent);
		}
		Callers callers = startCallers(List.of(agents));
		for (int round = 0; round < 2; round++) {
			for (String name : List.copyOf(members.keySet())) {
				members.get(name).stop();
				members.put(name, this.cluster.start(name));
				this.cluster.awaitAllHosting();
			}
		}
		callers.stopWithoutFailures();
		callers.assertEachHandledEveryCall(agents, firstTicks(agents));
		// A call in flight to a member that crashes fails (MemberLostException): none is, here.
		this.cluster.awaitBackups("n1");
		members.get("n2").crash();
		await().atMost(GENEROUS)
			.until(() -> caller.agents.listAgents().stream().noneMatch((agent) -> agent.node().equals("n2")));
		Map<String, Long> beforeItCameBack = new LinkedHashMap<>();
		for (AgentRef agent : agents) {
			beforeItCameBack.put(agent.id(), agent.callAndWait("get", Long.class, TIMEOUT));
		}
		callers = startCallers(List.of(agents));
		members.put("n2", this.cluster.start("n2"));
		this.cluster.awaitAllHosting();
		awaitHosting(members.values(), ROLLING_AGENTS / 3);
		callers.stopWithoutFailures();
		callers.assertEachHandledEveryCall(agents, beforeItCameBack);
		Set<ProcessKey> hosted = new HashSet<>();
		for (HordeTestNode member : members.values()) {
			hosted.addAll(member.node.hosted().keysHosted(ProcessKind.AGENT));
		}
		assertThat(hosted).as("agents running, each once").hasSize(ROLLING_AGENTS);
		assertThat(caller.agents.countAgents()).isEqualTo(ROLLING_AGENTS);
	}

	/** What each of {@code agents} handled once started: its first tick. */
	private static Map<String, Long> firstTicks(List<AgentRef> agents) {
		return agents.stream().collect(Collectors.toMap(AgentRef::id, (agent) -> 1L));
	}

	private Callers startCallers(List<List<AgentRef>> references) {
		Callers started = new Callers(references);
		this.allCallers.add(started);
		return started;
	}

	private static Set<ProcessKey> intersection(Set<ProcessKey> one, Set<ProcessKey> other) {
		return one.stream().filter(other::contains).collect(Collectors.toSet());
	}

	/** Waits until each of {@code members} hosts {@code share} agents, every member's share. */
	private static void awaitHosting(Collection<HordeTestNode> members, int share) {
		await().atMost(GENEROUS).untilAsserted(() -> assertThat(members)
			.allSatisfy((member) -> assertThat(member.node.hosted().keysHosted(ProcessKind.AGENT))
				.as("agents on %s", member.name)
				.hasSize(share)));
	}

	@Test
	void aNodeThatStopsWhileItMovesAgentsLosesNone() {
		List<AgentRef> agents = startAgentsOnTwo("stopping",
				new HordeSettings.Rebalance(RebalanceMode.ACTIVE, 2, Duration.ofMillis(50)));
		HordeTestNode first = this.cluster.nodes.get(0);
		HordeTestNode third = this.cluster.start("n3");
		this.cluster.awaitAllHosting();
		await().atMost(GENEROUS).until(() -> !third.node.hosted().keysHosted(ProcessKind.AGENT).isEmpty());
		first.stop();
		HordeTestNode second = this.cluster.nodes.get(1);
		assertThat(second.agents.countAgents()).isEqualTo(AGENTS);
		for (AgentRef agent : agents) {
			AgentRef found = second.agents.findAgent(agent.id()).orElseThrow();
			assertThat(found.callAndWait("get", Long.class, TIMEOUT)).as("what %s handled", agent.id()).isEqualTo(1L);
			assertThat(found.node()).isNotEqualTo("n1");
		}
	}

	@Test
	void withPassiveRebalancingNothingMovesToTheMemberThatJoined() {
		List<AgentRef> agents = startAgentsOnTwo("passive", RebalanceMode.PASSIVE);
		HordeTestNode third = this.cluster.start("n3");
		this.cluster.awaitAllHosting();
		String aimed = this.cluster.idOwnedBy("n3", 0);
		assertThat(third.agents.startAgent(AgentSpec.of(aimed)).ref().node()).as("a new agent it owns").isEqualTo("n3");
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
			.until(() -> third.node.hosted().keysHosted(ProcessKind.AGENT).equals(List.of(ProcessKey.agent(aimed))));
		for (AgentRef agent : agents) {
			assertThat(agent.callAndWait("get", Long.class, TIMEOUT)).isEqualTo(1L);
			assertThat(agent.node()).isNotEqualTo("n3");
		}
	}

	/**
	 * Callers that call the agents in turn, one loop per list of references (each taken through a
	 * node), until stopped, counting the calls each agent handled and keeping the failures.
	 */
	private static final class Callers {

		private final Map<String, AtomicLong> ticked = new ConcurrentHashMap<>();

		private final List<Throwable> failures = new CopyOnWriteArrayList<>();

		private final AtomicBoolean calling = new AtomicBoolean(true);

		private final List<CompletableFuture<Void>> loops = new ArrayList<>();

		Callers(List<List<AgentRef>> references) {
			for (List<AgentRef> refs : references) {
				this.loops.add(CompletableFuture.runAsync(() -> {
					for (int i = 0; this.calling.get(); i++) {
						AgentRef agent = refs.get(i % refs.size());
						try {
							agent.callAndWait("tick", Long.class, TIMEOUT);
							this.ticked.computeIfAbsent(agent.id(), (id) -> new AtomicLong()).incrementAndGet();
						}
						catch (RuntimeException ex) {
							this.failures.add(ex);
						}
					}
				}));
			}
		}

		/** Stops the loops without waiting for them. */
		void halt() {
			this.calling.set(false);
		}

		/** Stops the loops; none of their calls failed. */
		void stopWithoutFailures() throws Exception {
			halt();
			CompletableFuture.allOf(this.loops.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
			assertThat(this.failures).as("calls made while the agents moved").isEmpty();
		}

		/**
		 * Each agent handled what it had handled {@code before} (id to count) and every call made:
		 * none dropped, none twice.
		 */
		void assertEachHandledEveryCall(List<AgentRef> agents, Map<String, Long> before) {
			for (AgentRef agent : agents) {
				long expected = before.get(agent.id()) + this.ticked.getOrDefault(agent.id(), new AtomicLong()).get();
				assertThat(agent.callAndWait("get", Long.class, TIMEOUT)).as("what %s handled", agent.id())
					.isEqualTo(expected);
			}
		}

	}

}
