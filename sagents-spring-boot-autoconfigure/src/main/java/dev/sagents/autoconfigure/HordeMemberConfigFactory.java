package dev.sagents.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Consumer;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MetadataPolicy;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.spi.properties.ClusterProperty;
import com.hazelcast.spi.properties.HazelcastProperty;
import dev.sagents.horde.HordeStructures;

import org.springframework.core.io.Resource;

/**
 * Builds the configuration of the Hazelcast member that sagents starts itself, from
 * {@code sagents.horde.*}. The rules, in order:
 * <ol>
 * <li>Without {@code sagents.horde.config}, every setting comes from the properties, defaults
 * included: the application's cluster name ({@link ApplicationClusterName}), a member on
 * 127.0.0.1, ports 5801 on, joining 127.0.0.1 over TCP/IP, multicast and cloud auto-detection off
 * ({@code sagents.horde.discovery} chooses another way: {@link MemberDiscovery}).
 * With it, the resource is the base and the cluster-name, network and failure-detection
 * properties are applied only where set explicitly; a resource that names no cluster (or names
 * Hazelcast's default, {@code dev}) gets the application's cluster name.</li>
 * <li>The Hazelcast properties sagents has defaults for (failure detection, the split-brain merge
 * check, phone-home, logging) are filled in only when neither the configuration nor a JVM system
 * property sets them; an explicit sagents property always wins.</li>
 * <li>Always, whatever the resource says: the partition is appended to the cluster name, so
 * partitions never join each other, the node name is the member attribute
 * {@value dev.sagents.horde.HordeStructures#NODE_NAME_ATTRIBUTE}, so that every member shows this
 * node by its name, and Hazelcast's JVM shutdown hook is off, because sagents
 * shuts the member down gracefully itself after handing its processes off (the hook's default
 * policy terminates the member, which would skip that).</li>
 * </ol>
 * The {@link SagentsHazelcastConfigCustomizer} beans run after this, on the result.
 */
final class HordeMemberConfigFactory {

	/** Prefix of the member's instance name, unless the resource names it. */
	static final String INSTANCE_NAME_PREFIX = "sagents-";

	/**
	 * When a member first looks for another cluster of the same name to merge with after a split,
	 * and how often after that. Hazelcast waits 300 s then 120 s; sagents heals a split (and stops
	 * the duplicate processes it made) within seconds instead, at the cost of one small join
	 * request per check.
	 */
	static final Duration MERGE_CHECK_DELAY = Duration.ofSeconds(10);

	/**
	 * The pause between two tries of an operation whose partition is moving (Hazelcast: 500 ms).
	 * After a member leaves, every registry read and write on its former partitions is retried
	 * until the partitions settled; a short pause lets failover follow them within tens of ms.
	 */
	static final Duration INVOCATION_RETRY_PAUSE = Duration.ofMillis(50);

	/**
	 * How long a write waits for its backup's acknowledgement (Hazelcast: 5 s). A member that hangs
	 * stays some partitions' backup until it is removed; every registry write made meanwhile, and
	 * just after, waits this long for an answer that never comes, which would hold a failover's
	 * restarts by as much. The write is applied on the partition's owner either way.
	 */
	static final Duration BACKUP_ACK_TIMEOUT = Duration.ofSeconds(1);

	/** The maps sagents keeps on the member (registry, member records); all their names start so. */
	static final String SAGENTS_MAPS = "sagents.*";

	private HordeMemberConfigFactory() {
	}

	/**
	 * The member's configuration.
	 *
	 * @param horde the bound {@code sagents.horde.*} properties, already validated
	 * @param nodeName this node's name, which names the member's instance
	 * @param applicationClusterName the cluster name when neither the properties nor a resource set one
	 */
	static Config create(HordeProperties horde, String nodeName, String applicationClusterName) {
		boolean fromResource = horde.getConfig() != null;
		Config config = fromResource ? load(horde.getConfig()) : new Config();
		String clusterName = (horde.getClusterName() != null) ? horde.getClusterName()
				: namesItsCluster(config) ? config.getClusterName() : applicationClusterName;
		config.setClusterName((horde.getPartition() != null) ? clusterName + "-" + horde.getPartition() : clusterName);
		if (config.getInstanceName() == null) {
			config.setInstanceName(INSTANCE_NAME_PREFIX + nodeName);
		}
		config.getMemberAttributeConfig().setAttribute(HordeStructures.NODE_NAME_ATTRIBUTE, nodeName);
		applyNetwork(config, horde, fromResource);
		applyFailureDetection(config, horde.getFailureDetection());
		fillIn(config, ClusterProperty.MERGE_FIRST_RUN_DELAY_SECONDS, MERGE_CHECK_DELAY.toSeconds());
		fillIn(config, ClusterProperty.MERGE_NEXT_RUN_DELAY_SECONDS, MERGE_CHECK_DELAY.toSeconds());
		// Operations on partitions that move after a member left are retried; Hazelcast waits 500 ms
		// between tries, which alone delays every failover by a second or more.
		fillIn(config, ClusterProperty.INVOCATION_RETRY_PAUSE, INVOCATION_RETRY_PAUSE.toMillis());
		fillIn(config, ClusterProperty.OPERATION_BACKUP_TIMEOUT_MILLIS, BACKUP_ACK_TIMEOUT.toMillis());
		fillIn(config, ClusterProperty.PHONE_HOME_ENABLED, false);
		fillIn(config, ClusterProperty.LOGGING_TYPE, "slf4j");
		set(config, ClusterProperty.SHUTDOWNHOOK_ENABLED, false);
		skipJsonMetadata(config);
		return config;
	}

	/**
	 * Whether a resource named the cluster: a configuration that names none has Hazelcast's
	 * default, {@value Config#DEFAULT_CLUSTER_NAME}, which every unnamed cluster shares, so that
	 * name too counts as none.
	 */
	private static boolean namesItsCluster(Config config) {
		return !Config.DEFAULT_CLUSTER_NAME.equals(config.getClusterName());
	}

	/**
	 * Hazelcast indexes the structure of every JSON value it stores (its metadata), to speed up
	 * queries. The registry's JSON values are read by key; only the periodic sweep and the endpoint
	 * query them, by one field. Measured on the benchmark machine, the indexing is a third to half
	 * of the cost of each registry write (a start's {@code putIfAbsent}, a failover's claims). A map
	 * configuration of the resource that covers the registry is kept as it is.
	 */
	private static void skipJsonMetadata(Config config) {
		if (config.getMapConfigOrNull(HordeStructures.AGENTS_MAP) == null) {
			config.addMapConfig(new MapConfig(SAGENTS_MAPS).setMetadataPolicy(MetadataPolicy.OFF));
		}
	}

	private static void applyNetwork(Config config, HordeProperties horde, boolean fromResource) {
		NetworkProperties network = horde.getNetwork();
		NetworkConfig networkConfig = config.getNetworkConfig();
		apply(network.getPort(), NetworkProperties.DEFAULT_PORT, fromResource, networkConfig::setPort);
		apply(network.getPortCount(), NetworkProperties.DEFAULT_PORT_COUNT, fromResource,
				(count) -> networkConfig.setPortAutoIncrement(true).setPortCount(count));
		String defaultInterface = MemberDiscovery.confinedToListedMembers(horde)
				? NetworkProperties.DEFAULT_INTERFACE : null;
		apply(network.getInterface(), defaultInterface, fromResource, (address) -> {
			networkConfig.getInterfaces().clear().setEnabled(true).addInterface(address);
			// Otherwise Hazelcast still listens on every interface and only announces this one.
			set(config, ClusterProperty.SOCKET_BIND_ANY, false);
		});
		MemberDiscovery.apply(networkConfig.getJoin(), horde, networkConfig.getPort());
	}

	private static void applyFailureDetection(Config config, FailureDetectionProperties detection) {
		setOrFillIn(config, ClusterProperty.HEARTBEAT_INTERVAL_SECONDS, seconds(detection.getHeartbeatInterval()),
				FailureDetectionProperties.DEFAULT_HEARTBEAT_INTERVAL.toSeconds());
		setOrFillIn(config, ClusterProperty.MAX_NO_HEARTBEAT_SECONDS, seconds(detection.getMaxNoHeartbeat()),
				FailureDetectionProperties.DEFAULT_MAX_NO_HEARTBEAT.toSeconds());
		setOrFillIn(config, ClusterProperty.CONNECTION_MONITOR_MAX_FAULTS, detection.getConnectionMaxFaults(),
				FailureDetectionProperties.DEFAULT_CONNECTION_MAX_FAULTS);
		setOrFillIn(config, ClusterProperty.CONNECTION_MONITOR_INTERVAL,
				(detection.getConnectionMonitorInterval() != null) ? detection.getConnectionMonitorInterval().toMillis()
						: null,
				FailureDetectionProperties.DEFAULT_CONNECTION_MONITOR_INTERVAL.toMillis());
	}

	private static Long seconds(Duration duration) {
		return (duration != null) ? duration.toSeconds() : null;
	}

	/** Applies the explicit value; without one, the default unless the resource is the base. */
	private static <T> void apply(T explicit, T defaultValue, boolean fromResource, Consumer<T> setting) {
		T value = (explicit != null) ? explicit : fromResource ? null : defaultValue;
		if (value != null) {
			setting.accept(value);
		}
	}

	private static void setOrFillIn(Config config, HazelcastProperty property, Object explicit, Object defaultValue) {
		if (explicit != null) {
			set(config, property, explicit);
		}
		else {
			fillIn(config, property, defaultValue);
		}
	}

	/** Sets {@code property} unless the configuration or a JVM system property already does. */
	static void fillIn(Config config, HazelcastProperty property, Object value) {
		if (config.getProperty(property.getName()) == null && System.getProperty(property.getName()) == null) {
			set(config, property, value);
		}
	}

	private static void set(Config config, HazelcastProperty property, Object value) {
		config.setProperty(property.getName(), String.valueOf(value));
	}

	private static Config load(Resource resource) {
		try (InputStream stream = resource.getInputStream()) {
			return Config.loadFromStream(stream);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read sagents.horde.config " + resource.getDescription(), ex);
		}
	}

}
