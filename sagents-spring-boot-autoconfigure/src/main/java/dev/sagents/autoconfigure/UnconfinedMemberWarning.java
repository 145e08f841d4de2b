package dev.sagents.autoconfigure;

import java.util.Collection;
import java.util.Optional;

import com.hazelcast.config.Config;
import com.hazelcast.config.EndpointConfig;
import com.hazelcast.config.InterfacesConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.instance.EndpointQualifier;
import com.hazelcast.spi.properties.ClusterProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells, once at start, when the member sagents runs on can be reached from other hosts and finds
 * its members by multicast or cloud auto-detection: then any Hazelcast member of the same cluster
 * name on that network joins it, unauthenticated (Hazelcast's open-source edition has no member
 * authentication), and holds and reads sagents' data. A member bound to loopback only, or one that
 * joins a TCP/IP member list, is confined enough to say nothing.
 */
final class UnconfinedMemberWarning {

	private static final Logger logger = LoggerFactory.getLogger(UnconfinedMemberWarning.class);

	private UnconfinedMemberWarning() {
	}

	/** Logs {@link #of(Config)} as a warning, if there is one. */
	static void logIfUnconfined(Config config) {
		of(config).ifPresent(logger::warn);
	}

	/** The warning {@code config} deserves, or none when its member is confined. */
	static Optional<String> of(Config config) {
		boolean advanced = config.getAdvancedNetworkConfig().isEnabled();
		JoinConfig join = advanced ? config.getAdvancedNetworkConfig().getJoin() : config.getNetworkConfig().getJoin();
		String discovery = join.getMulticastConfig().isEnabled() ? "multicast"
				: join.isAutoDetectionEnabled() ? "cloud auto-detection" : null;
		if (discovery == null) {
			return Optional.empty();
		}
		InterfacesConfig interfaces = advanced ? memberEndpointInterfaces(config)
				: config.getNetworkConfig().getInterfaces();
		String reach = beyondLoopback(interfaces, bindsAny(config));
		if (reach == null) {
			return Optional.empty();
		}
		return Optional.of("The Hazelcast member sagents runs on (cluster '" + config.getClusterName() + "') " + reach
				+ " and finds its members by " + discovery + ": any Hazelcast member of that cluster name that reaches"
				+ " it joins, without authentication, and holds and reads sagents' data. List the members to join"
				+ " instead (sagents.horde.network.join-members, or a TCP/IP member list in the member's"
				+ " configuration), and see docs/security.md.");
	}

	private static InterfacesConfig memberEndpointInterfaces(Config config) {
		EndpointConfig member = config.getAdvancedNetworkConfig().getEndpointConfigs().get(EndpointQualifier.MEMBER);
		return (member != null) ? member.getInterfaces() : new InterfacesConfig();
	}

	/** How the member reaches beyond loopback, or {@code null} when it does not. */
	private static String beyondLoopback(InterfacesConfig interfaces, boolean bindAny) {
		if (!interfaces.isEnabled() || interfaces.getInterfaces().isEmpty()) {
			return "binds an interface of Hazelcast's choice, not loopback";
		}
		Collection<String> addresses = interfaces.getInterfaces();
		if (!addresses.stream().allMatch(UnconfinedMemberWarning::isLoopback)) {
			return "binds " + String.join(", ", addresses);
		}
		if (bindAny) {
			return "listens on every interface (hazelcast.socket.bind.any)";
		}
		return null;
	}

	private static boolean isLoopback(String address) {
		return address.startsWith("127.") || address.equals("localhost") || address.equals("::1")
				|| address.equals("0:0:0:0:0:0:0:1");
	}

	/** Whether the member listens on every interface: the configuration's, else the JVM's, else Hazelcast's default. */
	private static boolean bindsAny(Config config) {
		String name = ClusterProperty.SOCKET_BIND_ANY.getName();
		String value = config.getProperty(name);
		if (value == null) {
			value = System.getProperty(name, ClusterProperty.SOCKET_BIND_ANY.getDefaultValue());
		}
		return Boolean.parseBoolean(value);
	}

}
