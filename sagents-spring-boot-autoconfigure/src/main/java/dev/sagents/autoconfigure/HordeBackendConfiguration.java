package dev.sagents.autoconfigure;

import com.hazelcast.core.HazelcastInstance;
import dev.sagents.agent.AgentBehaviorResolver;
import dev.sagents.cluster.ClusterView;
import dev.sagents.codec.MessageCodec;
import dev.sagents.horde.HazelcastMemberProvider;
import dev.sagents.horde.HordeAgentsSupervisor;
import dev.sagents.horde.HordeClusterView;
import dev.sagents.horde.HordeFileSystemSupervisor;
import dev.sagents.horde.HordeHostedLoad;
import dev.sagents.horde.HordeNode;
import dev.sagents.horde.HordeNodeDrain;
import dev.sagents.horde.HordeProcessRegistry;
import dev.sagents.horde.HordeSettings;
import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.metrics.HostedLoad;
import dev.sagents.persistence.AgentStorage;
import dev.sagents.persistence.FileSystemStorage;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.supervisor.SagentsSupervisor;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The horde backend ({@code sagents.distribution=horde}): registry, supervisors and cluster view
 * across a Hazelcast cluster. The member it runs on is the application's Hazelcast instance with
 * {@code members=auto} when the context has exactly one, else a member sagents starts and owns,
 * configured from {@code sagents.horde.*} ({@link HordeMemberConfigFactory}) and the
 * {@link SagentsHazelcastConfigCustomizer} beans.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sagents.distribution", havingValue = "horde")
@ConditionalOnClass(HazelcastInstance.class)
@Import({ ApplicationMemberConfiguration.class, OwnedMemberConfiguration.class,
		ApplicationMemberShutdownConfiguration.class, ApplicationMemberNodeNameConfiguration.class })
class HordeBackendConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HordeSettings sagentsHordeSettings(SagentsProperties properties, LocalProcessRuntime runtime) {
		HordeProperties horde = properties.getHorde();
		return new HordeSettings(runtime.node(), horde.getMembers(), horde.getPartition(), horde.getRequestTimeout(),
				horde.getSilentConnectionTimeout(), horde.getMaxMessageSize().toBytes(),
				new HordeSettings.Rebalance(horde.getRebalance(), horde.getRebalanceBatchSize(),
						horde.getRebalanceInterval()));
	}

	@Bean
	@ConditionalOnMissingBean
	HordeNode sagentsHordeNode(HazelcastMemberProvider members, LocalProcessRuntime runtime, MessageCodec codec,
			HordeSettings settings) {
		return new HordeNode(members, runtime, codec, settings);
	}

	@Bean
	@ConditionalOnMissingBean
	HordeProcessRegistry sagentsProcessRegistry(HordeNode node) {
		return new HordeProcessRegistry(node);
	}

	@Bean
	@ConditionalOnMissingBean
	HordeFileSystemSupervisor sagentsFileSystemSupervisor(HordeNode node, FileSystemStorage storage,
			SagentsProperties properties, ProcessFailureLog failures) {
		return new HordeFileSystemSupervisor(node, storage, properties.getFilesystem().toSettings(), failures);
	}

	/**
	 * Agents keep their state between runs, and across a move to another member, through the
	 * {@link AgentStorage} ({@link PersistenceConfiguration}).
	 */
	@Bean
	@ConditionalOnMissingBean
	HordeAgentsSupervisor sagentsAgentsSupervisor(HordeNode node, AgentBehaviorResolver behaviors, AgentStorage storage,
			HordeFileSystemSupervisor fileSystems, SagentsProperties properties, ProcessFailureLog failures) {
		return new HordeAgentsSupervisor(node, behaviors, storage, fileSystems, properties.getAgents().toSettings(),
				failures);
	}

	/** What the actuator endpoint drains this node through. */
	@Bean
	@ConditionalOnMissingBean
	HordeNodeDrain sagentsNodeDrain(HordeNode node) {
		return new HordeNodeDrain(node);
	}

	@Bean
	@ConditionalOnMissingBean(ClusterView.class)
	HordeClusterView sagentsClusterView(HordeNode node) {
		return new HordeClusterView(node);
	}

	/** What this member holds, for metrics. */
	@Bean
	@ConditionalOnMissingBean(HostedLoad.class)
	HordeHostedLoad sagentsHostedLoad(HordeNode node) {
		return new HordeHostedLoad(node);
	}

	/**
	 * The participation gate, as in local mode: without this bean the node hosts nothing, and with
	 * {@code members=participation} it joins the sagents cluster as a lite member, holding none of
	 * its data ({@link OwnedMemberConfiguration}).
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "sagents.supervisor.enabled", matchIfMissing = true)
	SagentsSupervisor sagentsSupervisor(HordeProcessRegistry registry, HordeAgentsSupervisor agentsSupervisor,
			HordeFileSystemSupervisor fileSystemSupervisor) {
		return new SagentsSupervisor(registry, agentsSupervisor, fileSystemSupervisor);
	}

	/**
	 * Without the supervisor (whoever would declare it), the node is a proxy: it joins the horde
	 * hosting nothing and reaches every process from there. Declared after the supervisor, so that
	 * the condition sees the auto-configured one.
	 */
	@Bean
	@ConditionalOnMissingBean(SagentsSupervisor.class)
	HordeProxyLifecycle sagentsHordeProxy(HordeProcessRegistry registry) {
		return new HordeProxyLifecycle(registry);
	}

}
