package dev.sagents.autoconfigure.actuate;

import dev.sagents.actuate.SagentsInfoContributor;
import dev.sagents.autoconfigure.SagentsAutoConfiguration;
import dev.sagents.cluster.ClusterView;

import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code sagents} entry of {@code /actuator/info}, unless {@code management.info.sagents.enabled=false}
 * (or {@code management.info.defaults.enabled=false}).
 */
@AutoConfiguration(after = SagentsAutoConfiguration.class)
@ConditionalOnClass({ InfoContributor.class, ConditionalOnEnabledInfoContributor.class })
@ConditionalOnEnabledInfoContributor("sagents")
@ConditionalOnBean(ClusterView.class)
public final class SagentsInfoContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SagentsInfoContributor sagentsInfoContributor(ClusterView clusterView) {
		return new SagentsInfoContributor(clusterView, SagentsInfoContributor.starterVersion());
	}

}
