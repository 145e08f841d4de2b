package dev.sagents.horde;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.horde.persistence.HazelcastAgentStateStore;
import dev.sagents.horde.persistence.HazelcastStoreMaps;
import dev.sagents.horde.persistence.StoreMapConfigs;
import dev.sagents.persistence.StoredState;
import dev.sagents.process.ProcessRef;
import dev.sagents.process.StaleActivationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The Hazelcast store across the horde, with no database: an agent whose member was terminated
 * comes back on a survivor with the state the map's backup kept, and the cut-off copy, once its
 * node reaches the cluster again through a new member, has its late write refused as stale.
 */
class HordeHazelcastStoreTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path fileSystems;

	/** The member each node's store reaches the maps through, by node name, as the node's {@code member()} gives it. */
	private final Map<String, HazelcastInstance> storeMembers = new ConcurrentHashMap<>();

	private HordeTestCluster cluster;

	private HazelcastInstance rejoined;

	@AfterEach
	void stopCluster() {
		if (this.rejoined != null) {
			this.rejoined.getLifecycleService().terminate();
		}
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	/**
	 * Starts node {@code name}, its agents persisting through the store over the member it names in
	 * {@link #storeMembers}: its own, until another takes its place.
	 */
	private HordeTestNode start(String name) {
		Config config = this.cluster.memberConfig(name);
		StoreMapConfigs.apply(config, 1);
		HazelcastAgentStateStore store = new HazelcastAgentStateStore(new HazelcastStoreMaps(() -> Optional
			.ofNullable(this.storeMembers.get(name))
			.filter((member) -> member.getLifecycleService().isRunning())));
		HordeTestNode node = this.cluster.fencedStore(store).start(name, config);
		this.storeMembers.put(name, node.hazelcast);
		return node;
	}

	@Test
	void anAgentOfATerminatedMemberComesBackWithItsStateAndTheCutOffCopysWriteIsRefused() throws Exception {
		this.cluster = HordeTestCluster.ofTallies("hz-store", this.fileSystems, AgentSettings.defaults());
		start("n1");
		start("n2");
		this.cluster.awaitAllHosting();
		// n1 hosts the agent and owns its state's entry: only the backup on n2 is left after the crash.
		String id = idHostedAndStoredBy("n1");
		AgentRef agent = this.cluster.node("n2").agents.startAgent(AgentSpec.of(id)).ref();
		agent.callAndWait("tick", Long.class, TIMEOUT);
		assertThat(agent.callAndWait("tick", Long.class, TIMEOUT)).isEqualTo(2);
		ProcessRef cutOff = this.cluster.cutOff("n1", "n2", id);
		AgentRef moved = this.cluster.node("n2").agents.findAgent(id).orElseThrow();
		assertThat(moved.callAndWait("tick", Long.class, TIMEOUT)).as("restarted from the map's backup").isEqualTo(3);

		// n1's node reaches the cluster again through a new member while its copy of the agent runs on.
		Config again = this.cluster.memberConfig("n1-again");
		StoreMapConfigs.apply(again, 1);
		this.rejoined = Hazelcast.newHazelcastInstance(again.setLiteMember(true));
		this.storeMembers.put("n1", this.rejoined);
		assertThatExceptionOfType(StaleActivationException.class)
			.isThrownBy(() -> cutOff.callAndWait("tick", Long.class, TIMEOUT));
		await().dontCatchUncaughtExceptions().atMost(TIMEOUT).until(() -> !cutOff.isAlive());
		this.cluster.node("n1").crash();

		assertThat(moved.callAndWait("get", Long.class, TIMEOUT)).isEqualTo(3);
		StoredState stored = new HazelcastAgentStateStore(new HazelcastStoreMaps(() -> Optional.of(this.rejoined)))
			.read(id)
			.orElseThrow();
		assertThat(stored.epoch()).isEqualTo(2);
		assertThat(this.cluster.codec().decode(stored.state())).isEqualTo(new Tally.Count(3));
	}

	/** An agent id that node {@code name} hosts by placement and whose state entry its member owns. */
	private String idHostedAndStoredBy(String name) {
		HazelcastInstance member = this.cluster.node(name).hazelcast;
		Member local = member.getCluster().getLocalMember();
		for (int from = 0;; from++) {
			String id = this.cluster.idOwnedBy(name, from);
			if (local.equals(member.getPartitionService().getPartition(id).getOwner())) {
				return id;
			}
			from = Integer.parseInt(id.substring("aimed-".length()));
		}
	}

}
