package dev.sagents.autoconfigure;

import java.time.Duration;
import java.util.function.Predicate;

import javax.sql.DataSource;

import dev.sagents.agent.AgentPersistence;
import dev.sagents.cluster.DistributionMode;
import dev.sagents.codec.MessageCodec;
import dev.sagents.horde.persistence.StoreMapConfigs;
import dev.sagents.persistence.AgentStateStore;
import dev.sagents.persistence.StoreType;
import dev.sagents.persistence.jdbc.JdbcTables;

import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;

/**
 * The {@code sagents.persistence.*} values, and what the chosen store needs, checked at startup
 * with the {@link SagentsSettingsCheck}: the JDBC store needs Spring JDBC, a {@code DataSource},
 * paths the table holds and, for agent state, a codec; the Hazelcast store needs horde mode.
 * Each problem fails with {@link InvalidSagentsPropertyException} naming the property.
 */
final class PersistenceRequirements {

	private static final String STORE = "sagents.persistence.store";

	static final String BACKUP_COUNT = "sagents.persistence.hazelcast.backup-count";

	/** The classes the JDBC store runs on: Spring's JdbcClient and Spring Boot's script initializer. */
	static final String[] JDBC_CLASSES = { "org.springframework.jdbc.core.simple.JdbcClient",
			"org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer" };

	private PersistenceRequirements() {
	}

	/**
	 * Throws {@link InvalidSagentsPropertyException} for the first problem found.
	 *
	 * @param classLoader the application's class loader
	 * @param declared whether the context declares a bean of a type
	 */
	static void check(SagentsPersistenceProperties persistence, SagentsProperties properties, ClassLoader classLoader,
			Predicate<Class<?>> declared) {
		Duration delay = persistence.getCoalesceDelay();
		if (delay == null || delay.isNegative() || delay.isZero()) {
			throw new InvalidSagentsPropertyException("sagents.persistence.coalesce-delay", delay,
					"a positive duration, such as 100ms or 1s");
		}
		Duration lockTimeout = persistence.getDisk().getLockTimeout();
		if (lockTimeout == null || lockTimeout.isNegative() || lockTimeout.isZero()) {
			throw new InvalidSagentsPropertyException("sagents.persistence.disk.lock-timeout", lockTimeout,
					"a positive duration, such as 500ms or 10s");
		}
		DataSize maxStateSize = persistence.getMaxStateSize();
		if (maxStateSize == null || maxStateSize.toBytes() <= 0) {
			throw new InvalidSagentsPropertyException("sagents.persistence.max-state-size", maxStateSize,
					"a positive size, such as 64KB or 1MB");
		}
		String prefix = persistence.getJdbc().getTablePrefix();
		if (prefix == null || !JdbcTables.isValidPrefix(prefix)) {
			throw new InvalidSagentsPropertyException("sagents.persistence.jdbc.table-prefix", prefix,
					"a letter, then letters, digits or '_', at most 30 characters, such as SAGENTS_");
		}
		// A compile-time constant: reading it loads no Hazelcast class, which local mode may lack.
		int backupCount = persistence.getHazelcast().getBackupCount();
		if (backupCount < 0 || backupCount > StoreMapConfigs.MAX_BACKUP_COUNT) {
			throw new InvalidSagentsPropertyException(BACKUP_COUNT, backupCount,
					"0 to " + StoreMapConfigs.MAX_BACKUP_COUNT + ", how many other members keep a copy of each entry");
		}
		if (persistence.getStore() == StoreType.JDBC) {
			checkJdbc(properties, classLoader, declared);
		}
		if (persistence.getStore() == StoreType.HAZELCAST && properties.getDistribution() != DistributionMode.HORDE) {
			throw new InvalidSagentsPropertyException(STORE, "hazelcast", "disk, jdbc or none with sagents.distribution="
					+ properties.getDistribution().name().toLowerCase()
					+ "; the hazelcast store keeps its maps on the horde's members (sagents.distribution=horde)");
		}
	}

	private static void checkJdbc(SagentsProperties properties, ClassLoader classLoader, Predicate<Class<?>> declared) {
		for (String type : JDBC_CLASSES) {
			if (!ClassUtils.isPresent(type, classLoader)) {
				throw new InvalidSagentsPropertyException(STORE, "jdbc", "disk or none; the jdbc store needs Spring JDBC"
						+ " on the classpath (org.springframework.boot:spring-boot-starter-jdbc brings it)");
			}
		}
		if (!declared.test(DataSource.class)) {
			throw new InvalidSagentsPropertyException(STORE, "jdbc",
					"disk or none; the jdbc store needs a DataSource: set spring.datasource.url, or declare one");
		}
		if (!declared.test(MessageCodec.class) && !declared.test(AgentPersistence.class)
				&& !declared.test(AgentStateStore.class)) {
			throw new InvalidSagentsPropertyException(STORE, "jdbc", "disk or none; the jdbc store keeps agent states as"
					+ " the codec writes them: add tools.jackson.core:jackson-databind, or declare a MessageCodec bean");
		}
		int maxPathLength = properties.getFilesystem().getMaxPathLength();
		if (maxPathLength > JdbcTables.MAX_PATH_LENGTH) {
			throw new InvalidSagentsPropertyException("sagents.filesystem.max-path-length", maxPathLength,
					"at most " + JdbcTables.MAX_PATH_LENGTH + " with sagents.persistence.store=jdbc, the longest path"
							+ " its table holds");
		}
	}

}
