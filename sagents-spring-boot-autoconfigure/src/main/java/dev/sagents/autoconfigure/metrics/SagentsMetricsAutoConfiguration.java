package dev.sagents.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import dev.sagents.autoconfigure.SagentsAutoConfiguration;
import dev.sagents.cluster.ClusterView;
import dev.sagents.metrics.HostedLoad;
import dev.sagents.metrics.SagentsMetrics;
import dev.sagents.metrics.micrometer.MicrometerSagentsMetrics;
import dev.sagents.metrics.micrometer.SagentsMeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code sagents.*} meters, when the application has a Micrometer {@link MeterRegistry},
 * unless {@code sagents.metrics.enabled=false}: the runtime's events go to
 * {@link MicrometerSagentsMetrics} (unless the application declares its own {@link SagentsMetrics}),
 * and {@link SagentsMeterBinder} reads the gauges; Spring Boot binds it to the registries.
 */
@AutoConfiguration(after = SagentsAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "sagents.metrics.enabled", matchIfMissing = true)
public final class SagentsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(SagentsMetrics.class)
	MicrometerSagentsMetrics sagentsMetrics(MeterRegistry registry) {
		return new MicrometerSagentsMetrics(registry);
	}

	@Bean
	@ConditionalOnBean({ HostedLoad.class, ClusterView.class })
	@ConditionalOnMissingBean
	SagentsMeterBinder sagentsMeterBinder(HostedLoad load, ClusterView cluster) {
		return new SagentsMeterBinder(load, cluster);
	}

}
