package dev.sagents.horde;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.PartitionService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.sagents.agent.AgentSpec;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.testsupport.FreePorts;
import dev.sagents.testsupport.LoopbackMembers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The registry on two real members that each hold half the partitions: its count of processes
 * per member, what the rebalancer plans with and the actuator shows per node; and a failover's
 * first claims, with which a survivor takes the orphans of the partitions it names, found and
 * moved there with no query first, and nothing else.
 */
class ClusterRegistryOnTwoMembersTest {

	private static final int PORTS = 3;

	private static final String GONE = "member-that-left";

	private static HazelcastInstance first;

	private static HazelcastInstance second;

	@BeforeAll
	static void startMembers() {
		int port = FreePorts.block(PORTS);
		String cluster = FreePorts.clusterName("registry");
		first = Hazelcast.newHazelcastInstance(LoopbackMembers.config(cluster, cluster + "-m1", port, PORTS));
		second = Hazelcast.newHazelcastInstance(LoopbackMembers.config(cluster, cluster + "-m2", port, PORTS));
	}

	/** Each test registers its own processes. */
	@AfterEach
	void forgetRegistrations() {
		first.getMap(HordeStructures.AGENTS_MAP).clear();
		first.getMap(HordeStructures.FILESYSTEMS_MAP).clear();
	}

	@AfterAll
	static void stopMembers() {
		second.shutdown();
		first.shutdown();
	}

	@Test
	void eachMemberIsCountedWithItsOwnKindAndOneWithNoneIsAbsent() {
		ClusterRegistry registry = new ClusterRegistry(first, () -> "m-a", Runnable::run, Runnable::run);
		Map<String, HazelcastJsonValue> agents = new HashMap<>();
		for (int i = 0; i < 300; i++) {
			String host = (i % 3 == 0) ? "m-b" : "m-a";
			agents.put("agent-" + i, Registration.ofAgent(new AgentSpec("agent-" + i, "tally", null, Map.of()), host,
					"node-" + host).toJson());
		}
		registry.registerAll(ProcessKind.AGENT, agents);
		Map<String, HazelcastJsonValue> fileSystems = new HashMap<>();
		for (int i = 0; i < 5; i++) {
			String host = (i == 0) ? "m-c" : "m-b";
			fileSystems.put("scope-" + i, Registration.ofFileSystem("scope-" + i, host, "node-" + host).toJson());
		}
		registry.registerAll(ProcessKind.FILESYSTEM, fileSystems);

		assertThat(registry.countHostedByMember(ProcessKind.AGENT)).isEqualTo(Map.of("m-a", 200L, "m-b", 100L));
		assertThat(registry.countHostedByMember(ProcessKind.FILESYSTEM)).isEqualTo(Map.of("m-b", 4L, "m-c", 1L));
	}

	@Test
	void aCountNamingMoreHostsThanAClusterCanHaveIsRefusedWhenRead() {
		SerializationService serialization = new DefaultSerializationServiceBuilder().build();
		byte[] bytes = serialization.toData(new HostCounts()).toByteArray();
		// The count of hosts is the last int of an empty count.
		int size = bytes.length - Integer.BYTES;
		bytes[size] = (byte) 0x7f;
		Data corrupt = new HeapData(bytes);
		assertThatException().isThrownBy(() -> serialization.toObject(corrupt))
			.withStackTraceContaining("names 2130706432 hosts");
	}

	@Test
	void theOrphansOfTheNamedPartitionsAndOnlyThoseAreClaimedAndHandedOn() {
		String self = first.getCluster().getLocalMember().getUuid().toString();
		String other = second.getCluster().getLocalMember().getUuid().toString();
		ClusterRegistry registry = new ClusterRegistry(first, () -> self, ForkJoinPool.commonPool(),
				ForkJoinPool.commonPool());
		Map<String, HazelcastJsonValue> agents = new HashMap<>();
		for (int i = 0; i < 400; i++) {
			String host = (i % 2 == 0) ? GONE : other;
			agents.put("agent-" + i, Registration.ofAgent(new AgentSpec("agent-" + i, "tally", null, Map.of()), host,
					"node-" + host).toJson());
		}
		registry.registerAll(ProcessKind.AGENT, agents);
		PartitionService partitions = first.getPartitionService();
		Set<Integer> owned = new HashSet<>();
		for (Partition partition : partitions.getPartitions()) {
			if (first.getCluster().getLocalMember().equals(partition.getOwner())) {
				owned.add(partition.getPartitionId());
			}
		}
		Set<String> expected = new HashSet<>();
		agents.forEach((id, registration) -> {
			if (owned.contains(partitions.getPartition(id).getPartitionId())
					&& Registration.hostOf(registration).equals(GONE)) {
				expected.add(id);
			}
		});

		Set<String> present = Set.of(self, other);
		Map<String, HazelcastJsonValue> handedOn = new ConcurrentHashMap<>();
		List<CompletableFuture<Integer>> claims = registry.claimOrphansIn(ProcessKind.AGENT, owned, present,
				RegistrationClaim.fromNoneOf(present, self, "node-self"), (claimed) -> {
					handedOn.putAll(claimed);
					return claimed.size();
				});
		CompletableFuture.allOf(claims.toArray(CompletableFuture[]::new)).join();

		assertThat(expected).isNotEmpty();
		assertThat(handedOn.keySet()).isEqualTo(expected);
		for (String id : agents.keySet()) {
			String host = registry.registration(new ProcessKey(ProcessKind.AGENT, id)).orElseThrow().host();
			String before = Registration.hostOf(agents.get(id));
			assertThat(host).as(id).isEqualTo(expected.contains(id) ? self : before);
		}
	}

	@Test
	void aProcessOfALiveMemberIsNotClaimedAsAnOrphanByAClaimThatDoesNotKnowThatMember() {
		String self = first.getCluster().getLocalMember().getUuid().toString();
		String joined = second.getCluster().getLocalMember().getUuid().toString();
		ClusterRegistry registry = new ClusterRegistry(first, () -> self, Runnable::run, Runnable::run);
		Map<String, HazelcastJsonValue> agents = new HashMap<>();
		for (int i = 0; i < 50; i++) {
			agents.put("agent-" + i, Registration.ofAgent(new AgentSpec("agent-" + i, "tally", null, Map.of()), joined,
					"node-joined").toJson());
		}
		registry.registerAll(ProcessKind.AGENT, agents);

		// Made before the second member joined and took these processes, run after.
		registry.claim(ProcessKind.AGENT, agents.keySet(),
				RegistrationClaim.fromNoneOf(Set.of(self), self, "node-self"));

		for (String id : agents.keySet()) {
			assertThat(registry.registration(new ProcessKey(ProcessKind.AGENT, id)).orElseThrow().host()).as(id)
				.isEqualTo(joined);
		}
	}

}
