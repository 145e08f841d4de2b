package dev.sagents.horde.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.sagents.codec.EncodedValue;
import dev.sagents.persistence.StateWrite;
import dev.sagents.persistence.StoredState;
import dev.sagents.testsupport.FreePorts;
import dev.sagents.testsupport.LoopbackMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member crash loses nothing of the Hazelcast store: three members, one backup, and the member
 * that owns the stored entries' partition terminated without a goodbye.
 */
class HazelcastStoreCrashTest {

	private static final int PORTS = 4;

	private static final Duration GENEROUS = Duration.ofSeconds(60);

	private final List<HazelcastInstance> members = new ArrayList<>();

	@AfterEach
	void stopMembers() {
		this.members.forEach((member) -> member.getLifecycleService().terminate());
	}

	@Test
	void theStateTheEpochAndTheFilesOutliveTheCrashOfTheMemberThatOwnedThem() {
		int port = FreePorts.block(PORTS);
		String cluster = FreePorts.clusterName("store-crash");
		for (String name : List.of("m1", "m2", "m3")) {
			Config config = LoopbackMembers.config(cluster, cluster + "-" + name, port, PORTS);
			StoreMapConfigs.apply(config, 1);
			this.members.add(Hazelcast.newHazelcastInstance(config));
		}
		HazelcastInstance writer = this.members.get(0);
		// An agent and a scope whose entries another member owns: the writer survives the crash.
		String agentId = keyOwnedByOtherThan(writer, "agent-");
		HazelcastInstance owner = ownerOf(agentId);
		String scope = keyOwnedBy(owner, "user:");
		HazelcastStoreMaps maps = new HazelcastStoreMaps(() -> Optional.of(writer));
		HazelcastAgentStateStore states = new HazelcastAgentStateStore(maps);
		HazelcastFileSystemStore files = new HazelcastFileSystemStore(maps);
		states.claim(agentId);
		long epoch = states.claim(agentId).epoch();
		EncodedValue state = new EncodedValue("java.lang.Long", "42".getBytes(StandardCharsets.UTF_8));
		assertThat(states.write(List.of(new StateWrite(agentId, epoch, state)))).containsExactly(true);
		long scopeEpoch = files.claim(scope);
		files.write(scope, scopeEpoch, "notes.md", "kept".getBytes(StandardCharsets.UTF_8));

		// Hazelcast keeps a write's backup only where the partition's replicas have settled: the
		// members just joined, so the crash waits until every partition has its backup.
		await().atMost(GENEROUS).until(() -> writer.getPartitionService().isClusterSafe());
		owner.getLifecycleService().terminate();
		await().atMost(GENEROUS).until(() -> writer.getCluster().getMembers().size() == 2);

		StoredState stored = states.read(agentId).orElseThrow();
		assertThat(stored.epoch()).isEqualTo(2);
		assertThat(stored.state().type()).isEqualTo("java.lang.Long");
		assertThat(stored.state().data()).asString(StandardCharsets.UTF_8).isEqualTo("42");
		assertThat(states.claim(agentId).epoch()).as("the next activation").isEqualTo(3);
		assertThat(files.read(scope, "notes.md")).hasValueSatisfying(
				(content) -> assertThat(content).asString(StandardCharsets.UTF_8).isEqualTo("kept"));
		assertThat(files.claim(scope)).isEqualTo(scopeEpoch + 1);
	}

	private String keyOwnedByOtherThan(HazelcastInstance member, String prefix) {
		Member local = member.getCluster().getLocalMember();
		for (int i = 0;; i++) {
			Member owner = member.getPartitionService().getPartition(prefix + i).getOwner();
			if (owner != null && !owner.equals(local)) {
				return prefix + i;
			}
		}
	}

	private String keyOwnedBy(HazelcastInstance member, String prefix) {
		Member local = member.getCluster().getLocalMember();
		for (int i = 0;; i++) {
			if (local.equals(member.getPartitionService().getPartition(prefix + i).getOwner())) {
				return prefix + i;
			}
		}
	}

	private HazelcastInstance ownerOf(String key) {
		Member owner = this.members.get(0).getPartitionService().getPartition(key).getOwner();
		return this.members.stream()
			.filter((member) -> member.getCluster().getLocalMember().equals(owner))
			.findFirst()
			.orElseThrow();
	}

}
