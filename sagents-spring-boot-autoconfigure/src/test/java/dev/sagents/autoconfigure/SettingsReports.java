package dev.sagents.autoconfigure;

import java.util.concurrent.atomic.AtomicReference;

import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.autoconfigure.HordeBackendConfigurationTests.NotStartingLifecycleProcessor;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.LifecycleProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contexts with the auto-configuration and a bean of the application that needs an
 * {@link AgentsSupervisor} (as a controller does), and the checks of the report a bad setting
 * gives: the property, the value, what is allowed and what to do. Lifecycle beans do not start,
 * so no Hazelcast member starts in a context that refreshes.
 */
final class SettingsReports {

	/** What a setting that takes a positive duration allows, as its report says it. */
	static final String POSITIVE_DURATION = "a positive duration, such as 500ms, 30s or 5m";

	/** The environment of the last context run; a failed context no longer hands it out. */
	private final AtomicReference<Environment> environment = new AtomicReference<>();

	/** A runner of the auto-configuration and {@link NeedsAgentsSupervisor}. */
	ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withInitializer((context) -> this.environment.set(context.getEnvironment()))
			.withConfiguration(AutoConfigurations.of(SagentsAutoConfiguration.class))
			.withUserConfiguration(NeedsAgentsSupervisor.class)
			.withBean("lifecycleProcessor", LifecycleProcessor.class, NotStartingLifecycleProcessor::new);
	}

	/**
	 * Runs {@code runner} with {@code propertyValue}: it must fail with the report on
	 * {@code property}, its {@code value} as written, where it was written and what is allowed.
	 */
	void assertReport(ApplicationContextRunner runner, String propertyValue, String property, String value,
			String allowed) {
		runner.withPropertyValues(propertyValue).run((context) -> {
			FailureAnalysis analysis = analyzeFailure(context);
			assertAnalysis(analysis, property, value, allowed);
			assertThat(analysis.getDescription()).contains("Origin: ");
		});
	}

	/** The report on {@code context}, which must have failed to start. */
	FailureAnalysis analyzeFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		return analyze(context);
	}

	/** The report on {@code context}'s failure, {@code null} when it is none of sagents'. */
	FailureAnalysis analyze(AssertableApplicationContext context) {
		return new SagentsPropertiesFailureAnalyzer(this.environment.get()).analyze(context.getStartupFailure());
	}

	/** Checks that {@code analysis} names the property, the value and what is allowed, and says what to do. */
	static void assertAnalysis(FailureAnalysis analysis, String property, String value, String allowed) {
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("Property: " + property)
			.contains("Value: \"" + value + "\"")
			.contains("Allowed: " + allowed);
		assertThat(analysis.getAction())
			.isEqualTo("Change " + property + " to an allowed value (" + allowed + ") in your configuration.");
	}

	/**
	 * A bean of the application that needs an {@link AgentsSupervisor}, as the sample app's
	 * controller does. Its definition comes before the auto-configuration's, so it is created
	 * first: were the settings checked only when the properties bean is, a misspelt distribution
	 * (no backend, so no supervisor) would fail here, as a missing bean.
	 */
	@Configuration(proxyBeanMethods = false)
	static class NeedsAgentsSupervisor {

		@Bean
		AgentController agentController(AgentsSupervisor agents) {
			return new AgentController(agents);
		}

		record AgentController(AgentsSupervisor agents) {
		}

	}

}
