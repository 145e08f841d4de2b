package dev.sagents.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;

import dev.sagents.autoconfigure.SagentsAutoConfiguration;
import dev.sagents.observation.SagentsObservations;
import dev.sagents.observation.micrometer.MicrometerSagentsObservations;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Calls and casts to agents as Micrometer observations ({@link MicrometerSagentsObservations}),
 * when the application has an {@link ObservationRegistry} and {@code sagents.observations.enabled}
 * is {@code true}, or is unset and the application has a Micrometer Tracing {@code Tracer} (see
 * {@link ObservationsEnabledCondition}). A registry that is a no-op (no handler) observes nothing:
 * then the runtime does no observation work at all ({@link SagentsObservations#NONE}).
 */
@AutoConfiguration(after = SagentsAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration" })
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
@Conditional(ObservationsEnabledCondition.class)
public final class SagentsObservationsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(SagentsObservations.class)
	SagentsObservations sagentsObservations(ObservationRegistry registry) {
		return registry.isNoop() ? SagentsObservations.NONE : new MicrometerSagentsObservations(registry);
	}

}
