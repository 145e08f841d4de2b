package dev.sagents.autoconfigure.observation;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Whether calls and casts are observed: as {@code sagents.observations.enabled} says, and when it
 * is unset, only if the application has a Micrometer Tracing {@code Tracer} bean. Observations cost
 * (with Spring Boot's default handlers, a local call takes several times as long), so an application
 * that only has metrics does not pay for them unless it asks.
 */
final class ObservationsEnabledCondition extends SpringBootCondition implements ConfigurationCondition {

	static final String PROPERTY = "sagents.observations.enabled";

	static final String TRACER = "io.micrometer.tracing.Tracer";

	@Override
	public ConfigurationPhase getConfigurationPhase() {
		return ConfigurationPhase.REGISTER_BEAN;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Boolean enabled;
		try {
			enabled = context.getEnvironment().getProperty(PROPERTY, Boolean.class);
		}
		catch (IllegalArgumentException ex) {
			// Not a boolean: the binding of SagentsProperties fails startup with a report naming it.
			return ConditionOutcome.noMatch(PROPERTY + " is not a boolean");
		}
		if (enabled != null) {
			return enabled ? ConditionOutcome.match(PROPERTY + "=true") : ConditionOutcome.noMatch(PROPERTY + "=false");
		}
		if (!ClassUtils.isPresent(TRACER, context.getClassLoader()) || context.getBeanFactory() == null) {
			return ConditionOutcome.noMatch(PROPERTY + " unset and no Micrometer Tracing on the classpath");
		}
		Class<?> tracer = ClassUtils.resolveClassName(TRACER, context.getClassLoader());
		return (context.getBeanFactory().getBeanNamesForType(tracer, true, false).length > 0)
				? ConditionOutcome.match(PROPERTY + " unset and a Tracer bean is present")
				: ConditionOutcome.noMatch(PROPERTY + " unset and no Tracer bean");
	}

}
