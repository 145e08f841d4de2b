package dev.sagents.autoconfigure;

import java.time.Duration;

import dev.sagents.autoconfigure.SagentsProperties.Restart;
import dev.sagents.cluster.DistributionMode;
import dev.sagents.cluster.MembersMode;

import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Checks bound {@link SagentsProperties} for values sagents cannot run with. Binding already
 * rejected values of the wrong type; this checks ranges and combinations.
 */
final class SagentsPropertiesValidator {

	/** The class whose presence tells that Hazelcast, which horde mode runs on, is on the classpath. */
	static final String HAZELCAST_INSTANCE_CLASS = "com.hazelcast.core.HazelcastInstance";

	private static final String POSITIVE_DURATION = "a positive duration, such as 500ms, 30s or 5m";

	private SagentsPropertiesValidator() {
	}

	/** Throws {@link InvalidSagentsPropertyException} for the first bad value found. */
	static void validate(SagentsProperties properties) {
		validateDistribution(properties);
		if (properties.getNodeName() != null && !StringUtils.hasText(properties.getNodeName())) {
			throw new InvalidSagentsPropertyException("sagents.node-name", properties.getNodeName(),
					"a non-blank name, or no value for the host name");
		}
		SagentsProperties.Agents agents = properties.getAgents();
		requireNotNegative("sagents.agents.inactivity-timeout", agents.getInactivityTimeout(),
				"0 (never) or a positive duration, such as 5m");
		requirePositive("sagents.agents.shutdown-grace", agents.getShutdownGrace());
		requirePositive("sagents.agents.call-timeout", agents.getCallTimeout());
		validateRestart("sagents.agents.restart", agents.getRestart());
		SagentsProperties.FileSystem filesystem = properties.getFilesystem();
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
	}

	private static void validateDistribution(SagentsProperties properties) {
		if (properties.getDistribution() == DistributionMode.HORDE
				&& !ClassUtils.isPresent(HAZELCAST_INSTANCE_CLASS, null)) {
			throw new InvalidSagentsPropertyException("sagents.distribution", "horde",
					"local; horde mode needs com.hazelcast:hazelcast on the classpath");
		}
		String partition = properties.getHorde().getPartition();
		if (partition != null && properties.getHorde().getMembers() != MembersMode.PARTICIPATION) {
			throw new InvalidSagentsPropertyException("sagents.horde.partition", partition,
					"no value unless sagents.horde.members=participation (it is "
							+ properties.getHorde().getMembers().name().toLowerCase() + ")");
		}
		if (partition != null && !StringUtils.hasText(partition)) {
			throw new InvalidSagentsPropertyException("sagents.horde.partition", partition,
					"a non-blank partition key, or no value");
		}
	}

	private static void validateRestart(String prefix, Restart restart) {
		if (restart.getMaxRestarts() < 0) {
			throw new InvalidSagentsPropertyException(prefix + ".max-restarts", restart.getMaxRestarts(),
					"0 (never restart) or a positive whole number");
		}
		requirePositive(prefix + ".window", restart.getWindow());
	}

	private static void validateRuntime(SagentsProperties.Runtime runtime) {
		if (runtime.getThreads() == SagentsProperties.Threads.VIRTUAL && !SagentsExecutors.virtualThreadsAvailable()) {
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
