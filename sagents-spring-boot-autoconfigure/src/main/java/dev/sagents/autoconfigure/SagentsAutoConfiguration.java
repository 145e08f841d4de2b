package dev.sagents.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of sagents: the check of its settings ({@link SagentsSettingsCheck}, before
 * any bean is created), the shared core, the codec (which checks values in local mode too, and
 * carries them between members in horde mode), the store chosen by
 * {@code sagents.persistence.store} with what agents and file systems persist through
 * ({@link PersistenceConfiguration}), and the backend chosen by {@code sagents.distribution}. Each backend is one configuration class beside
 * {@link LocalBackendConfiguration}, conditional on its distribution value; every bean backs off
 * when the application declares its own.
 *
 * <p>Ordered after task execution: the {@code sagentsExecutor} bean is an {@code Executor}, and
 * Spring Boot's {@code applicationTaskExecutor} backs off when it sees one first. Ordered after
 * Spring Boot's Hazelcast auto-configuration (by name, so that it stays optional): horde mode
 * with {@code members=auto} uses the {@code HazelcastInstance} it defines.
 */
@AutoConfiguration(after = TaskExecutionAutoConfiguration.class,
		afterName = "org.springframework.boot.hazelcast.autoconfigure.HazelcastAutoConfiguration")
@EnableConfigurationProperties({ SagentsProperties.class, SagentsPersistenceProperties.class })
@Import({ SagentsSettingsCheck.class, SagentsCoreConfiguration.class, JsonMessageCodecConfiguration.class,
		CompactMessageCodecConfiguration.class, DiskStoreConfiguration.class, JdbcStoreConfiguration.class,
		HazelcastStoreConfiguration.class, PersistenceConfiguration.class, LocalBackendConfiguration.class,
		HordeBackendConfiguration.class })
public final class SagentsAutoConfiguration {

}
