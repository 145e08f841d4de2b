package dev.sagents.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import dev.sagents.cluster.MembersMode;
import dev.sagents.codec.TrustedTypes;

import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Checks bound {@link SagentsProperties} for values sagents cannot run with. Binding already
 * rejected values of the wrong type; this checks ranges and combinations. The
 * {@link SagentsSettingsCheck} runs it at startup, before any bean is created.
 */
final class SagentsPropertiesValidator {

	private static final String POSITIVE_DURATION = "a positive duration, such as 500ms, 30s or 5m";

	/** How long a partition or cluster name may be. */
	static final int MAX_NAME_LENGTH = 64;

	/** What a partition or cluster name may be: it ends up in the Hazelcast cluster name, logs and JMX names. */
	private static final Pattern SAFE_TOKEN = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_NAME_LENGTH + "}");

	private static final String SAFE_TOKEN_ALLOWED = "1 to " + MAX_NAME_LENGTH + " letters, digits, '.', '_' or '-'";

	private static final String JOIN_MEMBERS_ALLOWED = "one or more members, each host or host:port, "
			+ "such as 10.0.0.12 or 10.0.0.12:5801";

	private static final int MAX_PORT = 65535;

	private SagentsPropertiesValidator() {
	}

	/** Throws {@link InvalidSagentsPropertyException} for the first bad value found. */
	static void validate(SagentsProperties properties) {
		validatePartition(properties);
		validateHorde(properties.getHorde());
		if (properties.getNodeName() != null && !StringUtils.hasText(properties.getNodeName())) {
			throw new InvalidSagentsPropertyException("sagents.node-name", properties.getNodeName(),
					"a non-blank name, or no value for the host name");
		}
		AgentsProperties agents = properties.getAgents();
		requireNotNegative("sagents.agents.inactivity-timeout", agents.getInactivityTimeout(),
				"0 (never) or a positive duration, such as 5m");
		requirePositive("sagents.agents.shutdown-grace", agents.getShutdownGrace());
		requirePositive("sagents.agents.call-timeout", agents.getCallTimeout());
		requirePositive("sagents.agents.mailbox-capacity", agents.getMailboxCapacity());
		validateRestart("sagents.agents.restart", agents.getRestart());
		FileSystemProperties filesystem = properties.getFilesystem();
		requireNotNegative("sagents.filesystem.persist-debounce", filesystem.getPersistDebounce(),
				"0 (persist at once) or a positive duration such as 5s");
		if (filesystem.getBaseDirectory() == null) {
			throw new InvalidSagentsPropertyException("sagents.filesystem.base-directory", null,
					"a directory path, relative to the working directory or absolute");
		}
		DataSize maxFileSize = filesystem.getMaxFileSize();
		if (maxFileSize == null || maxFileSize.toBytes() <= 0) {
			throw new InvalidSagentsPropertyException("sagents.filesystem.max-file-size", maxFileSize,
					"a positive size, such as 512KB or 10MB");
		}
		requirePositive("sagents.filesystem.max-path-length", filesystem.getMaxPathLength());
		requirePositive("sagents.filesystem.call-timeout", filesystem.getCallTimeout());
		validateRestart("sagents.filesystem.restart", filesystem.getRestart());
		validateRuntime(properties.getRuntime());
		validateTrustedPackages(properties.getCodec().getTrustedPackages());
	}

	private static void validatePartition(SagentsProperties properties) {
		String partition = properties.getHorde().getPartition();
		if (partition != null && properties.getHorde().getMembers() != MembersMode.PARTICIPATION) {
			throw new InvalidSagentsPropertyException("sagents.horde.partition", partition,
					"no value unless sagents.horde.members=participation (it is "
							+ properties.getHorde().getMembers().name().toLowerCase() + ")");
		}
		if (partition != null && !SAFE_TOKEN.matcher(partition).matches()) {
			throw new InvalidSagentsPropertyException("sagents.horde.partition", partition, SAFE_TOKEN_ALLOWED);
		}
	}

	private static void validateHorde(HordeProperties horde) {
		if (horde.getClusterName() != null && !SAFE_TOKEN.matcher(horde.getClusterName()).matches()) {
			throw new InvalidSagentsPropertyException("sagents.horde.cluster-name", horde.getClusterName(),
					SAFE_TOKEN_ALLOWED);
		}
		if (horde.getConfig() != null && !horde.getConfig().exists()) {
			throw new InvalidSagentsPropertyException("sagents.horde.config", horde.getConfig().getDescription(),
					"an existing Hazelcast XML or YAML resource, such as classpath:sagents-hazelcast.yaml");
		}
		requirePositive("sagents.horde.request-timeout", horde.getRequestTimeout());
		requireNotNegative("sagents.horde.health-grace", horde.getHealthGrace(),
				"0 (report at once) or a positive duration, such as 15s");
		requireNotNegative("sagents.horde.silent-connection-timeout", horde.getSilentConnectionTimeout(),
				"0 (leave such connections to Hazelcast) or a positive duration, such as 1s");
		DataSize maxMessageSize = horde.getMaxMessageSize();
		if (maxMessageSize == null || maxMessageSize.toBytes() <= 0 || maxMessageSize.toBytes() > Integer.MAX_VALUE) {
			throw new InvalidSagentsPropertyException("sagents.horde.max-message-size", maxMessageSize,
					"a positive size of at most 2GB, such as 256KB or 1MB");
		}
		requirePositive("sagents.horde.rebalance-batch-size", horde.getRebalanceBatchSize());
		if (horde.getRebalanceInterval() == null || horde.getRebalanceInterval().isNegative()) {
			throw new InvalidSagentsPropertyException("sagents.horde.rebalance-interval", horde.getRebalanceInterval(),
					"0 (batches back to back) or a positive duration, such as 20ms");
		}
		validateNetwork(horde.getNetwork());
		DiscoveryPropertiesValidator.validate(horde);
		validateFailureDetection(horde.getFailureDetection());
	}

	/** The codec's own rules: well-formed package names, none of the JDK's. */
	private static void validateTrustedPackages(List<String> packages) {
		try {
			new TrustedTypes(packages, List.of(), SagentsPropertiesValidator.class.getClassLoader());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSagentsPropertyException("sagents.codec.trusted-packages",
					String.join(",", packages), "the application's package names, such as com.example.orders ("
							+ ex.getMessage() + ")");
		}
	}

	private static void validateNetwork(NetworkProperties network) {
		if (network.getPort() != null && (network.getPort() < 1 || network.getPort() > MAX_PORT)) {
			throw new InvalidSagentsPropertyException("sagents.horde.network.port", network.getPort(),
					"a port from 1 to " + MAX_PORT);
		}
		if (network.getPortCount() != null) {
			int port = (network.getPort() != null) ? network.getPort() : NetworkProperties.DEFAULT_PORT;
			int maxCount = MAX_PORT - port + 1;
			if (network.getPortCount() < 1 || network.getPortCount() > maxCount) {
				throw new InvalidSagentsPropertyException("sagents.horde.network.port-count", network.getPortCount(),
						"a whole number from 1 to " + maxCount + " (ports from " + port + " up to " + MAX_PORT + ")");
			}
		}
		if (network.getInterface() != null && !StringUtils.hasText(network.getInterface())) {
			throw new InvalidSagentsPropertyException("sagents.horde.network.interface", network.getInterface(),
					"an address such as 10.0.0.12 or 10.0.0.*, or no value for 127.0.0.1");
		}
		if (network.getJoinMembers() != null) {
			if (network.getJoinMembers().isEmpty()) {
				throw new InvalidSagentsPropertyException("sagents.horde.network.join-members", "", JOIN_MEMBERS_ALLOWED);
			}
			for (String member : network.getJoinMembers()) {
				if (!isJoinMember(member)) {
					throw new InvalidSagentsPropertyException("sagents.horde.network.join-members", member,
							JOIN_MEMBERS_ALLOWED);
				}
			}
		}
	}

	/** {@code host} or {@code host:port}; an address with several colons is an IPv6 one, left to Hazelcast. */
	private static boolean isJoinMember(String member) {
		if (member == null || member.isBlank() || member.chars().anyMatch(Character::isWhitespace)) {
			return false;
		}
		int colon = member.indexOf(':');
		if (colon < 0 || colon != member.lastIndexOf(':')) {
			return true;
		}
		String port = member.substring(colon + 1);
		if (colon == 0 || !port.matches("[0-9]{1,5}")) {
			return false;
		}
		int number = Integer.parseInt(port);
		return number >= 1 && number <= MAX_PORT;
	}

	/** Hazelcast takes the heartbeat settings in whole seconds and the monitor interval in milliseconds. */
	private static void validateFailureDetection(FailureDetectionProperties detection) {
		String wholeSeconds = "a whole number of seconds, at least 1s, such as 1s or 5s";
		Duration heartbeat = detection.getHeartbeatInterval();
		if (heartbeat != null && !isWholeSeconds(heartbeat)) {
			throw new InvalidSagentsPropertyException("sagents.horde.failure-detection.heartbeat-interval", heartbeat,
					wholeSeconds);
		}
		Duration maxNoHeartbeat = detection.getMaxNoHeartbeat();
		if (maxNoHeartbeat != null && !isWholeSeconds(maxNoHeartbeat)) {
			throw new InvalidSagentsPropertyException("sagents.horde.failure-detection.max-no-heartbeat",
					maxNoHeartbeat, wholeSeconds);
		}
		Duration effectiveHeartbeat = (heartbeat != null) ? heartbeat
				: FailureDetectionProperties.DEFAULT_HEARTBEAT_INTERVAL;
		Duration effectiveMaxNoHeartbeat = (maxNoHeartbeat != null) ? maxNoHeartbeat
				: FailureDetectionProperties.DEFAULT_MAX_NO_HEARTBEAT;
		if (effectiveMaxNoHeartbeat.compareTo(effectiveHeartbeat) <= 0) {
			throw new InvalidSagentsPropertyException("sagents.horde.failure-detection.max-no-heartbeat",
					effectiveMaxNoHeartbeat, "longer than the heartbeat interval (" + effectiveHeartbeat.toSeconds()
							+ "s), or a member would be removed between two heartbeats");
		}
		Integer maxFaults = detection.getConnectionMaxFaults();
		if (maxFaults != null) {
			requirePositive("sagents.horde.failure-detection.connection-max-faults", maxFaults);
		}
		Duration monitorInterval = detection.getConnectionMonitorInterval();
		if (monitorInterval != null && (monitorInterval.toMillis() < 1
				|| !monitorInterval.equals(Duration.ofMillis(monitorInterval.toMillis())))) {
			throw new InvalidSagentsPropertyException("sagents.horde.failure-detection.connection-monitor-interval",
					monitorInterval, "a whole number of milliseconds, at least 1ms, such as 20ms");
		}
	}

	private static boolean isWholeSeconds(Duration value) {
		return value.toSeconds() >= 1 && value.equals(Duration.ofSeconds(value.toSeconds()));
	}

	private static void validateRestart(String prefix, RestartProperties restart) {
		if (restart.getMaxRestarts() < 0) {
			throw new InvalidSagentsPropertyException(prefix + ".max-restarts", restart.getMaxRestarts(),
					"0 (never restart) or a positive whole number");
		}
		requirePositive(prefix + ".window", restart.getWindow());
	}

	private static void validateRuntime(RuntimeProperties runtime) {
		if (runtime.getThreads() == RuntimeProperties.Threads.VIRTUAL && !SagentsExecutors.virtualThreadsAvailable()) {
			throw SagentsExecutors.virtualThreadsUnavailable();
		}
		if (runtime.getParallelism() != null) {
			requirePositive("sagents.runtime.parallelism", runtime.getParallelism());
		}
	}

	private static void requirePositive(String property, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new InvalidSagentsPropertyException(property, value, POSITIVE_DURATION);
		}
	}

	private static void requireNotNegative(String property, Duration value, String allowed) {
		if (value != null && value.isNegative()) {
			throw new InvalidSagentsPropertyException(property, value, allowed);
		}
	}

	private static void requirePositive(String property, int value) {
		if (value <= 0) {
			throw new InvalidSagentsPropertyException(property, value, "a positive whole number");
		}
	}

}
