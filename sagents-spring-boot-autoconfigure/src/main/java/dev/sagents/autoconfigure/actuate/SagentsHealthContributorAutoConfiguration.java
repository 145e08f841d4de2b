package dev.sagents.autoconfigure.actuate;

import java.time.Clock;

import dev.sagents.actuate.SagentsHealthIndicator;
import dev.sagents.autoconfigure.SagentsAutoConfiguration;
import dev.sagents.autoconfigure.SagentsProperties;
import dev.sagents.cluster.ClusterView;
import dev.sagents.registry.ProcessRegistry;
import dev.sagents.supervisor.SagentsSupervisor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code sagents} health contributor, unless {@code management.health.sagents.enabled=false}.
 * Add it to the readiness group so a starting or draining node receives no traffic:
 * {@code management.endpoint.health.group.readiness.include=readinessState,sagents}.
 */
@AutoConfiguration(after = SagentsAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnEnabledHealthIndicator("sagents")
@ConditionalOnBean({ ClusterView.class, ProcessRegistry.class })
public final class SagentsHealthContributorAutoConfiguration {

	/**
	 * A node hosts when a {@link SagentsSupervisor} bean exists, whoever declared it; the member
	 * sets may disagree for {@code sagents.horde.health-grace}.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "sagentsHealthIndicator")
	SagentsHealthIndicator sagentsHealthIndicator(ClusterView clusterView, ProcessRegistry registry,
			ObjectProvider<SagentsSupervisor> supervisor, SagentsProperties properties) {
		return new SagentsHealthIndicator(clusterView, registry, supervisor.getIfAvailable() != null,
				properties.getHorde().getHealthGrace(), Clock.systemUTC());
	}

}
