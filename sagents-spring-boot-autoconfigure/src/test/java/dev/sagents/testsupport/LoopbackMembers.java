package dev.sagents.testsupport;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;

/**
 * Configurations of test Hazelcast members that find each other on 127.0.0.1 only: bound to it,
 * joining over TCP/IP on a block of ports, multicast, auto-detection and phone-home off, with the
 * quick failure detection the horde tests use.
 */
public final class LoopbackMembers {

	private LoopbackMembers() {
	}

	/**
	 * A member of {@code clusterName} named {@code instanceName}, on the first free port of
	 * {@code basePort} and the {@code portCount - 1} after it, where it also looks for the others.
	 */
	public static Config config(String clusterName, String instanceName, int basePort, int portCount) {
		Config config = new Config();
		config.setClusterName(clusterName);
		config.setInstanceName(instanceName);
		config.setProperty("hazelcast.phone.home.enabled", "false");
		config.setProperty("hazelcast.logging.type", "slf4j");
		config.setProperty("hazelcast.shutdownhook.enabled", "false");
		config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
		config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
		config.setProperty("hazelcast.connection.monitor.max.faults", "1");
		config.setProperty("hazelcast.connection.monitor.interval", "20");
		config.setProperty("hazelcast.invocation.retry.pause.millis", "50");
		config.setProperty("hazelcast.operation.backup.timeout.millis", "1000");
		NetworkConfig network = config.getNetworkConfig();
		network.setPort(basePort).setPortCount(portCount).setPortAutoIncrement(true);
		network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
		JoinConfig join = network.getJoin();
		join.getMulticastConfig().setEnabled(false);
		join.getAutoDetectionConfig().setEnabled(false);
		join.getTcpIpConfig().setEnabled(true);
		for (int port = basePort; port < basePort + portCount; port++) {
			join.getTcpIpConfig().addMember("127.0.0.1:" + port);
		}
		config.setProperty("hazelcast.socket.bind.any", "false");
		return config;
	}

}
