package dev.sagents.horde;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a node healed from a split may leave behind among real members: a process the merged registry did not keep, a
 * destroyed inbox, a removed status; each is set right.
 */
class HordeSplitHealingTest extends TallyClusterTests {

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

}
