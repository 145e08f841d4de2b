package dev.sagents.autoconfigure.actuate;

import java.util.Arrays;
import java.util.Locale;

import dev.sagents.actuate.AgentOperations;
import dev.sagents.actuate.FileSystemOperations;
import dev.sagents.actuate.NodeOperations;
import dev.sagents.actuate.SagentsEndpoint;
import dev.sagents.agent.AgentInspection;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.autoconfigure.SagentsAutoConfiguration;
import dev.sagents.autoconfigure.SagentsPersistenceProperties;
import dev.sagents.cluster.ClusterView;
import dev.sagents.cluster.NodeDrain;
import dev.sagents.filesystem.FileSystemPersistence;
import dev.sagents.filesystem.FileSystemSupervisor;
import dev.sagents.persistence.FileSystemStorage;
import dev.sagents.persistence.FileSystemStore;
import dev.sagents.registry.ProcessRegistry;
import dev.sagents.supervisor.ProcessFailureLog;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * The {@code sagents} actuator endpoint, when the actuator is on the classpath and the endpoint is
 * exposed ({@code management.endpoints.web.exposure.include=health,sagents}). Its write
 * operations (stop, restart, drain) need {@code management.endpoint.sagents.access=unrestricted};
 * it is read-only by default.
 */
@AutoConfiguration(after = SagentsAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(SagentsEndpoint.class)
@ConditionalOnBean({ ClusterView.class, ProcessRegistry.class, ProcessFailureLog.class, AgentsSupervisor.class,
		AgentInspection.class, FileSystemSupervisor.class })
public final class SagentsEndpointAutoConfiguration {

	/** The bean names the auto-configuration gives the file systems' storage and the built-in stores. */
	private static final String AUTO_CONFIGURED_STORAGE = "sagentsFileSystemStorage";

	private static final String AUTO_CONFIGURED_STORE = "sagentsFileSystemStore";

	/**
	 * Agents are inspected through the {@link AgentInspection} the backend's agents supervisor
	 * is, file systems through their own mailbox; a node is drained through the backend's
	 * {@link NodeDrain}, and refuses to in local mode.
	 */
	@Bean
	@ConditionalOnMissingBean
	SagentsEndpoint sagentsEndpoint(ClusterView clusterView, ProcessRegistry registry, ProcessFailureLog failures,
			AgentInspection inspection, AgentsSupervisor agentsSupervisor, FileSystemSupervisor fileSystemSupervisor,
			ObjectProvider<NodeDrain> drain, ApplicationEventPublisher events, SagentsPersistenceProperties persistence,
			ListableBeanFactory beans) {
		return new SagentsEndpoint(clusterView, registry, failures,
				new AgentOperations(inspection, agentsSupervisor, failures),
				new FileSystemOperations(fileSystemSupervisor, fileStore(persistence, beans)),
				new NodeOperations(clusterView, drain.getIfAvailable(() -> NodeDrain.LOCAL), events));
	}

	/**
	 * The store file systems keep their files in: {@code sagents.persistence.store}, or
	 * {@code application} when an application's bean replaces it (a {@link FileSystemPersistence},
	 * {@link FileSystemStore} or {@link FileSystemStorage}).
	 */
	static String fileStore(SagentsPersistenceProperties persistence, ListableBeanFactory beans) {
		boolean ownStorage = !Arrays.asList(beans.getBeanNamesForType(FileSystemStorage.class))
			.contains(AUTO_CONFIGURED_STORAGE);
		boolean ownPersistence = beans.getBeanNamesForType(FileSystemPersistence.class).length > 0;
		boolean ownStore = Arrays.stream(beans.getBeanNamesForType(FileSystemStore.class))
			.anyMatch((name) -> !name.equals(AUTO_CONFIGURED_STORE));
		return (ownStorage || ownPersistence || ownStore) ? "application"
				: persistence.getStore().name().toLowerCase(Locale.ROOT);
	}

}
