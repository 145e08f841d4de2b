package dev.sagents.autoconfigure.actuate;

import dev.sagents.actuate.SagentsEndpoint;
import dev.sagents.autoconfigure.SagentsAutoConfiguration;
import dev.sagents.cluster.ClusterView;
import dev.sagents.registry.ProcessRegistry;
import dev.sagents.supervisor.ProcessFailureLog;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code sagents} actuator endpoint, when the actuator is on the classpath and the endpoint is
 * exposed ({@code management.endpoints.web.exposure.include=health,sagents}).
 */
@AutoConfiguration(after = SagentsAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(SagentsEndpoint.class)
@ConditionalOnBean({ ClusterView.class, ProcessRegistry.class, ProcessFailureLog.class })
public final class SagentsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SagentsEndpoint sagentsEndpoint(ClusterView clusterView, ProcessRegistry registry, ProcessFailureLog failures) {
		return new SagentsEndpoint(clusterView, registry, failures);
	}

}
