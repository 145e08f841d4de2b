package dev.sagents.horde;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

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
 * rebalancing the agents it owns move to it, with their state, while every call made meanwhile
 * succeeds; with passive rebalancing nothing moves.
 */
class HordeRebalanceTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration GENEROUS = Duration.ofSeconds(60);

	private static final int AGENTS = 90;

	@TempDir
	Path fileSystems;

	@AutoClose
	private HordeTestCluster cluster;

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
	void withActiveRebalancingTheAgentsTheMemberThatJoinedOwnsMoveToItWithTheirStateAndNoCallFails() throws Exception {
		List<AgentRef> agents = startAgentsOnTwo("active", RebalanceMode.ACTIVE);
		Map<String, AtomicLong> ticked = new ConcurrentHashMap<>();
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		AtomicBoolean calling = new AtomicBoolean(true);
		List<CompletableFuture<Void>> callers = new ArrayList<>();
		for (HordeTestNode from : this.cluster.nodes) {
			List<AgentRef> refs = agents.stream().map((agent) -> from.agents.findAgent(agent.id()).orElseThrow()).toList();
			callers.add(CompletableFuture.runAsync(() -> {
				for (int i = 0; calling.get(); i++) {
					AgentRef agent = refs.get(i % refs.size());
					try {
						agent.callAndWait("tick", Long.class, TIMEOUT);
						ticked.computeIfAbsent(agent.id(), (id) -> new AtomicLong()).incrementAndGet();
					}
					catch (RuntimeException ex) {
						failures.add(ex);
					}
				}
			}));
		}
		HordeTestNode third = this.cluster.start("n3");
		this.cluster.awaitAllHosting();
		List<String> hosts = third.node.membership().hostIds();
		long ownedByThird = agents.stream()
			.filter((agent) -> UniformDistribution.owner(ProcessKey.agent(agent.id()), hosts)
				.orElseThrow()
				.equals(third.member()))
			.count();
		assertThat(ownedByThird).as("agents the third member owns").isGreaterThan(10);
		await().atMost(GENEROUS).untilAsserted(() -> {
			for (HordeTestNode node : this.cluster.nodes) {
				for (ProcessKey key : node.node.hosted().keysHosted(ProcessKind.AGENT)) {
					assertThat(UniformDistribution.owner(key, hosts)).as("owner of %s on %s", key, node.name)
						.contains(node.member());
				}
			}
		});
		calling.set(false);
		CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		assertThat(failures).as("calls made while the agents moved").isEmpty();
		assertThat(third.node.hosted().keysHosted(ProcessKind.AGENT)).hasSize((int) ownedByThird);
		for (AgentRef agent : agents) {
			long expected = 1 + ticked.getOrDefault(agent.id(), new AtomicLong()).get();
			assertThat(agent.callAndWait("get", Long.class, TIMEOUT)).as("what %s handled", agent.id())
				.isEqualTo(expected);
		}
		assertThat(this.cluster.nodes.get(0).agents.countAgents()).isEqualTo(AGENTS);
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

}
