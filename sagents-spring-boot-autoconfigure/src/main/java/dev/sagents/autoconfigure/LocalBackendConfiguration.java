package dev.sagents.autoconfigure;

import dev.sagents.agent.AgentBehaviorResolver;
import dev.sagents.cluster.ClusterView;
import dev.sagents.local.LocalAgentsSupervisor;
import dev.sagents.local.LocalClusterView;
import dev.sagents.local.LocalFileSystemSupervisor;
import dev.sagents.local.LocalHostedLoad;
import dev.sagents.local.LocalProcessRegistry;
import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.metrics.HostedLoad;
import dev.sagents.persistence.AgentStorage;
import dev.sagents.persistence.FileSystemStorage;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.supervisor.SagentsSupervisor;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The local backend ({@code sagents.distribution=local}, the default): registry, supervisors and
 * cluster view of this node alone.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sagents.distribution", havingValue = "local", matchIfMissing = true)
class LocalBackendConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LocalProcessRegistry sagentsProcessRegistry() {
		return new LocalProcessRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	LocalFileSystemSupervisor sagentsFileSystemSupervisor(LocalProcessRuntime runtime, LocalProcessRegistry registry,
			FileSystemStorage storage, SagentsProperties properties, ProcessFailureLog failures) {
		return new LocalFileSystemSupervisor(runtime, registry, storage, properties.getFilesystem().toSettings(),
				failures);
	}

	/** Agents keep their state through the {@link AgentStorage} ({@link PersistenceConfiguration}). */
	@Bean
	@ConditionalOnMissingBean
	LocalAgentsSupervisor sagentsAgentsSupervisor(LocalProcessRuntime runtime, LocalProcessRegistry registry,
			AgentBehaviorResolver behaviors, AgentStorage storage, LocalFileSystemSupervisor fileSystems,
			SagentsProperties properties, ProcessFailureLog failures) {
		return new LocalAgentsSupervisor(runtime, registry, behaviors, storage,
				fileSystems, properties.getAgents().toSettings(), failures);
	}

	/** Given the registry even when the supervisor is off: the view then shows this node uninitialized. */
	@Bean
	@ConditionalOnMissingBean(ClusterView.class)
	LocalClusterView sagentsClusterView(LocalProcessRuntime runtime, LocalProcessRegistry registry) {
		return new LocalClusterView(runtime.node(), registry);
	}

	/** What this node holds, for metrics. */
	@Bean
	@ConditionalOnMissingBean(HostedLoad.class)
	LocalHostedLoad sagentsHostedLoad(LocalProcessRegistry registry) {
		return new LocalHostedLoad(registry);
	}

	/**
	 * The participation gate: without this bean the registry never starts and the node hosts
	 * nothing. Off with {@code sagents.supervisor.enabled=false}; an application that declares its
	 * own (for example under {@code @Profile("worker")}, with the property set to {@code false})
	 * decides itself where it runs.
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "sagents.supervisor.enabled", matchIfMissing = true)
	SagentsSupervisor sagentsSupervisor(LocalProcessRegistry registry, LocalAgentsSupervisor agentsSupervisor,
			LocalFileSystemSupervisor fileSystemSupervisor) {
		return new SagentsSupervisor(registry, agentsSupervisor, fileSystemSupervisor);
	}

}
