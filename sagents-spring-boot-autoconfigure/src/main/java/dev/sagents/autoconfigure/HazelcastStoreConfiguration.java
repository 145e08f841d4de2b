package dev.sagents.autoconfigure;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import dev.sagents.agent.AgentPersistence;
import dev.sagents.filesystem.FileSystemPersistence;
import dev.sagents.horde.HordeNode;
import dev.sagents.horde.persistence.HazelcastAgentStateStore;
import dev.sagents.horde.persistence.HazelcastFileSystemStore;
import dev.sagents.horde.persistence.HazelcastStoreMaps;
import dev.sagents.horde.persistence.StoreMapConfigs;
import dev.sagents.persistence.AgentStateStore;
import dev.sagents.persistence.FileSystemStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.hazelcast.autoconfigure.HazelcastConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * {@code sagents.persistence.store=hazelcast} in horde mode: agent state and files in maps of the
 * member this node runs on, with {@code sagents.persistence.hazelcast.backup-count} backups, fenced.
 * The maps get their backups where sagents configures a member: on the member it starts (a
 * {@link SagentsHazelcastConfigCustomizer} that runs first, so the application's have the last
 * word) and on the application's member that Spring Boot builds from a configuration file (a
 * {@code HazelcastConfigCustomizer}). The application's member, however it was built, is checked
 * at startup: other backups, or maps that expire or evict entries, stop it with a report. The
 * settings check refused this store in local mode already.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sagents.persistence.store", havingValue = "hazelcast")
@ConditionalOnProperty(name = "sagents.distribution", havingValue = "horde")
@ConditionalOnClass(HazelcastInstance.class)
class HazelcastStoreConfiguration {

	@Bean
	@Order(0)
	SagentsHazelcastConfigCustomizer sagentsStoreMapsConfigCustomizer(SagentsPersistenceProperties properties) {
		int backupCount = properties.getHazelcast().getBackupCount();
		return (config) -> StoreMapConfigs.apply(config, backupCount);
	}

	/** The member sagents starts: configured by the customizer above. */
	@Bean
	@Conditional(NoApplicationMemberCondition.class)
	HazelcastStoreMaps sagentsHazelcastStoreMaps(HordeNode node) {
		return new HazelcastStoreMaps(node::member);
	}

	/** The application's member: configured by the application (or the customizer below), checked here. */
	@Bean
	@Conditional(ApplicationMemberCondition.class)
	HazelcastStoreMaps sagentsApplicationHazelcastStoreMaps(HordeNode node, HazelcastInstance application,
			SagentsPersistenceProperties properties) {
		Config config = application.getConfig();
		int backupCount = properties.getHazelcast().getBackupCount();
		StoreMapConfigs.otherBackupCount(config, backupCount).ifPresent((other) -> {
			throw new InvalidSagentsPropertyException(PersistenceRequirements.BACKUP_COUNT, backupCount,
					"what the application's Hazelcast member keeps (" + other + "), or set backup-count " + backupCount
							+ " for " + String.join(" and ", StoreMapConfigs.MAPS) + " in that member's configuration");
		});
		StoreMapConfigs.droppingEntries(config).ifPresent((dropping) -> {
			throw new InvalidSagentsPropertyException("sagents.persistence.store", "hazelcast",
					"disk, jdbc or none; hazelcast once the application's Hazelcast member keeps every entry of "
							+ String.join(" and ", StoreMapConfigs.MAPS) + " (" + dropping
							+ ", which would drop states and epochs)");
		});
		return new HazelcastStoreMaps(node::member);
	}

	@Bean
	@ConditionalOnMissingBean({ AgentStateStore.class, AgentPersistence.class })
	HazelcastAgentStateStore sagentsAgentStateStore(HazelcastStoreMaps maps) {
		return new HazelcastAgentStateStore(maps);
	}

	@Bean
	@ConditionalOnMissingBean({ FileSystemStore.class, FileSystemPersistence.class })
	HazelcastFileSystemStore sagentsFileSystemStore(HazelcastStoreMaps maps) {
		return new HazelcastFileSystemStore(maps);
	}

	/**
	 * {@code members=auto} with Spring Boot's Hazelcast module: the member Spring Boot builds from a
	 * configuration file gets the maps' backups, as the one sagents starts does.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HazelcastConfigCustomizer.class)
	@ConditionalOnProperty(name = "sagents.horde.members", havingValue = "auto", matchIfMissing = true)
	static class ApplicationMemberMaps {

		@Bean
		@Order(0)
		HazelcastConfigCustomizer sagentsStoreMapsHazelcastConfigCustomizer(SagentsPersistenceProperties properties) {
			int backupCount = properties.getHazelcast().getBackupCount();
			return (config) -> StoreMapConfigs.apply(config, backupCount);
		}

	}

}
