package dev.sagents.benchmarks;

import java.io.PrintStream;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.spi.properties.ClusterProperty;

/**
 * The {@code hazelcast-member} mode: one more member of the hazelcast benchmark's cluster, a plain
 * Hazelcast member in its own JVM without sagents or Spring, driven through stdin and stdout as a
 * {@link HordeMember} is. Also builds the configuration of every member of that cluster.
 */
final class HazelcastMember {

	/** Hazelcast logs through java.util.logging here; held so that its level sticks. */
	private static final Logger HAZELCAST_LOGGER = Logger.getLogger("com.hazelcast");

	private HazelcastMember() {
	}

	/** {@code arguments}: the node name, the port, and the join members ({@code host:port,...}). */
	static void run(String[] arguments) throws Exception {
		PrintStream protocol = BenchmarkApplication.reserveStdout();
		HazelcastInstance member = start(arguments[0], Integer.parseInt(arguments[1]), arguments[2]);
		HordeMember.answerDriver(protocol, arguments[0], Map.of());
		member.shutdown();
		System.exit(0);
	}

	/**
	 * Starts member {@code node} with Hazelcast's defaults but for the network: on 127.0.0.1 only,
	 * on {@code port}, joining {@code joinMembers} over TCP/IP, with multicast, auto-detection and
	 * phone-home off.
	 */
	static HazelcastInstance start(String node, int port, String joinMembers) {
		HAZELCAST_LOGGER.setLevel(Level.WARNING);
		Config config = new Config().setInstanceName(HazelcastRoundTrip.INSTANCE_NAME_PREFIX + node)
			.setClusterName("sagents-benchmark-hazelcast")
			.setProperty(ClusterProperty.PHONE_HOME_ENABLED.getName(), "false")
			.setProperty(ClusterProperty.LOGGING_TYPE.getName(), "jdk")
			.setProperty(ClusterProperty.SOCKET_BIND_ANY.getName(), "false");
		NetworkConfig network = config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
		network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
		JoinConfig join = network.getJoin();
		join.getMulticastConfig().setEnabled(false);
		join.getAutoDetectionConfig().setEnabled(false);
		join.getTcpIpConfig().setEnabled(true).addMember(joinMembers);
		return Hazelcast.newHazelcastInstance(config);
	}

}
