package dev.sagents.autoconfigure;

import dev.sagents.filesystem.FileSystemPersistence;
import dev.sagents.persistence.FileSystemStore;
import dev.sagents.persistence.disk.DiskFileSystemStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code sagents.persistence.store=disk} (the default): file systems keep their files under
 * {@code sagents.filesystem.base-directory}, fenced by an epoch per scope kept there too, whose lock
 * is waited for at most {@code sagents.persistence.disk.lock-timeout}; agent
 * state is not kept unless the application declares an {@code AgentPersistence}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sagents.persistence.store", havingValue = "disk", matchIfMissing = true)
class DiskStoreConfiguration {

	@Bean
	@ConditionalOnMissingBean({ FileSystemStore.class, FileSystemPersistence.class })
	DiskFileSystemStore sagentsFileSystemStore(SagentsProperties properties, SagentsPersistenceProperties persistence) {
		return new DiskFileSystemStore(properties.getFilesystem().getBaseDirectory(),
				persistence.getDisk().getLockTimeout());
	}

}
