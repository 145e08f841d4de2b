package dev.sagents.horde;

import java.util.HashMap;
import java.util.Map;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.internal.serialization.impl.HeapData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.sagents.agent.AgentSpec;
import dev.sagents.process.ProcessKind;
import dev.sagents.testsupport.FreePorts;
import dev.sagents.testsupport.LoopbackMembers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The registry's count of processes per member, on two real members that each hold half the
 * partitions: what the rebalancer plans with and the actuator shows per node.
 */
class ClusterRegistryCountsTest {

	private static final int PORTS = 3;

	private static HazelcastInstance first;

	private static HazelcastInstance second;

	@BeforeAll
	static void startMembers() {
		int port = FreePorts.block(PORTS);
		String cluster = FreePorts.clusterName("counts");
		first = Hazelcast.newHazelcastInstance(LoopbackMembers.config(cluster, cluster + "-m1", port, PORTS));
		second = Hazelcast.newHazelcastInstance(LoopbackMembers.config(cluster, cluster + "-m2", port, PORTS));
	}

	@AfterAll
	static void stopMembers() {
		second.shutdown();
		first.shutdown();
	}

	@Test
	void eachMemberIsCountedWithItsOwnKindAndOneWithNoneIsAbsent() {
		ClusterRegistry registry = new ClusterRegistry(first, () -> "m-a", Runnable::run);
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

}
