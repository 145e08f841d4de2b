package dev.sagents.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentSession;
import dev.sagents.agent.AgentSpec;
import dev.sagents.autoconfigure.observation.SagentsObservationsAutoConfiguration;
import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.metrics.CallLocation;
import dev.sagents.observation.Exchange;
import dev.sagents.observation.Observed;
import dev.sagents.observation.SagentsObservations;
import dev.sagents.observation.TraceHeaders;
import dev.sagents.observation.micrometer.MicrometerSagentsObservations;
import dev.sagents.process.ProcessKey;
import dev.sagents.testsupport.TestTracing;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When calls and casts are observed: with an observation registry that has handlers, and a tracer
 * or the property asking for it; never with a no-op registry, and the application's own wins.
 */
class SagentsObservationsAutoConfigurationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@TempDir
	Path baseDirectory;

	private final TestTracing tracing = new TestTracing();

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SagentsAutoConfiguration.class,
					SagentsObservationsAutoConfiguration.class))
			.withPropertyValues("sagents.node-name=n1", "sagents.filesystem.base-directory=" + this.baseDirectory)
			.withBean("notes", AgentBehavior.class, () -> new CountingAgent("notes"));
	}

	private ApplicationContextRunner withRegistry() {
		return runner().withBean(ObservationRegistry.class, () -> this.tracing.registry);
	}

	private ApplicationContextRunner withTracing() {
		return withRegistry().withBean(Tracer.class, () -> this.tracing.tracer);
	}

	private static SagentsObservations observations(AssertableApplicationContext context) {
		return context.getBean(LocalProcessRuntime.class).observations();
	}

	@Test
	void aTracerTurnsTheObservationsOnAndACallIsTraced() {
		withTracing().run((context) -> {
			assertThat(context).hasSingleBean(MicrometerSagentsObservations.class);
			assertThat(observations(context)).isSameAs(context.getBean(SagentsObservations.class));
			context.getBean(AgentSession.class)
				.ensureRunning(AgentSpec.of("alice"))
				.callAndWait("hello", String.class, TIMEOUT);
			assertThat(this.tracing.spans("sagents.call")).hasSize(1);
		});
	}

	@Test
	void withoutATracerARegistryAloneObservesNothing() {
		withRegistry().run((context) -> {
			assertThat(context).doesNotHaveBean(SagentsObservations.class);
			assertThat(observations(context)).isSameAs(SagentsObservations.NONE);
		});
	}

	@Test
	void thePropertyTurnsThemOnWithoutATracer() {
		withRegistry().withPropertyValues("sagents.observations.enabled=true")
			.run((context) -> assertThat(observations(context)).isInstanceOf(MicrometerSagentsObservations.class));
	}

	@Test
	void thePropertyReadsAsSpringBootReadsBooleans() {
		withRegistry().withPropertyValues("sagents.observations.enabled=on")
			.run((context) -> assertThat(observations(context)).isInstanceOf(MicrometerSagentsObservations.class));
	}

	@Test
	void aValueThatIsNoBooleanFailsStartupNamingTheProperty() {
		withTracing().withPropertyValues("sagents.observations.enabled=maybe")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("maybe"));
	}

	@Test
	void thePropertyTurnsThemOffDespiteATracer() {
		withTracing().withPropertyValues("sagents.observations.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(SagentsObservations.class);
			assertThat(observations(context)).isSameAs(SagentsObservations.NONE);
		});
	}

	@Test
	void aRegistryWithNoHandlerCostsNothing() {
		runner().withBean(ObservationRegistry.class, ObservationRegistry::create)
			.withBean(Tracer.class, SimpleTracer::new)
			.run((context) -> assertThat(observations(context)).isSameAs(SagentsObservations.NONE));
	}

	@Test
	void withoutARegistryNothingIsObservedEvenWhenAskedFor() {
		runner().withPropertyValues("sagents.observations.enabled=true")
			.withBean(Tracer.class, SimpleTracer::new)
			.run((context) -> assertThat(observations(context)).isSameAs(SagentsObservations.NONE));
	}

	@Test
	void withoutMicrometerTracingOnTheClassPathARegistryObservesNothing() {
		withRegistry().withClassLoader(new FilteredClassLoader("io.micrometer.tracing"))
			.run((context) -> assertThat(observations(context)).isSameAs(SagentsObservations.NONE));
	}

	@Test
	void withoutMicrometerObservationOnTheClassPathNothingIsObserved() {
		runner().withPropertyValues("sagents.observations.enabled=true")
			.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.run((context) -> assertThat(observations(context)).isSameAs(SagentsObservations.NONE));
	}

	@Test
	void theApplicationsOwnObservationsWin() {
		SagentsObservations own = new SagentsObservations() {

			@Override
			public Observed send(Exchange exchange, ProcessKey key, CallLocation location) {
				return Observed.NONE;
			}

			@Override
			public Observed receive(Exchange exchange, ProcessKey key, TraceHeaders headers) {
				return Observed.NONE;
			}

			@Override
			public TraceHeaders outgoing() {
				return null;
			}

		};
		withTracing().withBean(SagentsObservations.class, () -> own).run((context) -> {
			assertThat(context).doesNotHaveBean(MicrometerSagentsObservations.class);
			assertThat(observations(context)).isSameAs(own);
		});
	}

}
