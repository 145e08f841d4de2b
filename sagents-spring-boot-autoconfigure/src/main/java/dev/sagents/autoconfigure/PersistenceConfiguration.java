package dev.sagents.autoconfigure;

import dev.sagents.agent.AgentPersistence;
import dev.sagents.codec.MessageCodec;
import dev.sagents.filesystem.FileSystemPersistence;
import dev.sagents.persistence.AgentStateStore;
import dev.sagents.persistence.AgentStorage;
import dev.sagents.persistence.FencedAgentStorage;
import dev.sagents.persistence.FileSystemStorage;
import dev.sagents.persistence.FileSystemStore;
import dev.sagents.persistence.StateWriter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What agents and file systems persist through, in every backend, from whichever of these the
 * context has, first found first: the application's {@link AgentPersistence}
 * ({@link FileSystemPersistence}), unfenced; else an {@link AgentStateStore}
 * ({@link FileSystemStore}), the application's or the chosen store's, fenced; else nothing kept
 * (files in memory). The stores themselves come from {@link DiskStoreConfiguration} and
 * {@link JdbcStoreConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

	/** Closed with the context, after the agents stopped: its writer stores what is still pending. */
	@Bean
	@ConditionalOnMissingBean
	AgentStorage sagentsAgentStorage(ObjectProvider<AgentPersistence> persistence, ObjectProvider<AgentStateStore> store,
			ObjectProvider<MessageCodec> codec, SagentsPersistenceProperties properties) {
		AgentPersistence own = persistence.getIfAvailable();
		if (own != null) {
			return AgentStorage.of(own);
		}
		AgentStateStore stateStore = store.getIfAvailable();
		if (stateStore == null) {
			return AgentStorage.of(AgentPersistence.none());
		}
		StateWriter writer = new StateWriter(stateStore, properties.getWriteMode(), properties.getCoalesceDelay());
		return new FencedAgentStorage(stateStore, codec.getObject(), writer, properties.getMaxStateSize().toBytes());
	}

	@Bean
	@ConditionalOnMissingBean
	FileSystemStorage sagentsFileSystemStorage(ObjectProvider<FileSystemPersistence> persistence,
			ObjectProvider<FileSystemStore> store) {
		FileSystemPersistence own = persistence.getIfAvailable();
		if (own != null) {
			return FileSystemStorage.of(own);
		}
		FileSystemStore fileStore = store.getIfAvailable();
		return (fileStore != null) ? FileSystemStorage.fenced(fileStore) : FileSystemStorage.of(FileSystemPersistence.none());
	}

}
