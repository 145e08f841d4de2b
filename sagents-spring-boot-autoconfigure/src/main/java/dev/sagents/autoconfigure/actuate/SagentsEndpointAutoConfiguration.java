package dev.sagents.autoconfigure.actuate;

import dev.sagents.actuate.AgentOperations;
import dev.sagents.actuate.NodeOperations;
import dev.sagents.actuate.SagentsEndpoint;
import dev.sagents.agent.AgentInspection;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.autoconfigure.SagentsAutoConfiguration;
import dev.sagents.cluster.ClusterView;
import dev.sagents.cluster.NodeDrain;
import dev.sagents.registry.ProcessRegistry;
import dev.sagents.supervisor.ProcessFailureLog;

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
		AgentInspection.class })
public final class SagentsEndpointAutoConfiguration {

	/**
	 * Agents are inspected through the {@link AgentInspection} the backend's agents supervisor
	 * is; a node is drained through the backend's {@link NodeDrain}, and refuses to in local mode.
	 */
	@Bean
	@ConditionalOnMissingBean
	SagentsEndpoint sagentsEndpoint(ClusterView clusterView, ProcessRegistry registry, ProcessFailureLog failures,
			AgentInspection inspection, AgentsSupervisor agentsSupervisor, ObjectProvider<NodeDrain> drain,
			ApplicationEventPublisher events) {
		return new SagentsEndpoint(clusterView, registry, failures,
				new AgentOperations(inspection, agentsSupervisor, failures),
				new NodeOperations(clusterView, drain.getIfAvailable(() -> NodeDrain.LOCAL), events));
	}

}
