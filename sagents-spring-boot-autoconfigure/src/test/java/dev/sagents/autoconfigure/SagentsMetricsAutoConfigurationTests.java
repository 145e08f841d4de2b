package dev.sagents.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSession;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.autoconfigure.metrics.SagentsMetricsAutoConfiguration;
import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.metrics.SagentsMetrics;
import dev.sagents.metrics.micrometer.MicrometerSagentsMetrics;
import dev.sagents.metrics.micrometer.SagentsMeterBinder;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** When sagents registers its meters, and what a local node reports through them. */
class SagentsMetricsAutoConfigurationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@TempDir
	Path baseDirectory;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SagentsAutoConfiguration.class,
					SagentsMetricsAutoConfiguration.class))
			.withPropertyValues("sagents.node-name=n1", "sagents.filesystem.base-directory=" + this.baseDirectory)
			.withBean("notes", AgentBehavior.class, () -> new CountingAgent("notes"));
	}

	private ApplicationContextRunner withBootMetrics() {
		return runner().withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));
	}

	@Test
	void aMeterRegistryTurnsTheMetersOnAndTheRuntimeReportsToThem() {
		runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			assertThat(context).hasSingleBean(MicrometerSagentsMetrics.class).hasSingleBean(SagentsMeterBinder.class);
			assertThat(context.getBean(LocalProcessRuntime.class).metrics())
				.isSameAs(context.getBean(SagentsMetrics.class));
		});
	}

	@Test
	void withoutAMeterRegistryNothingIsReported() {
		runner().run((context) -> {
			assertThat(context).doesNotHaveBean(SagentsMetrics.class).doesNotHaveBean(SagentsMeterBinder.class);
			assertThat(context.getBean(LocalProcessRuntime.class).metrics()).isSameAs(SagentsMetrics.NONE);
		});
	}

	@Test
	void withoutMicrometerOnTheClassPathNothingIsReported() {
		runner().withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context.getBean(LocalProcessRuntime.class).metrics())
				.isSameAs(SagentsMetrics.NONE));
	}

	@Test
	void thePropertyTurnsTheMetersOff() {
		withBootMetrics().withPropertyValues("sagents.metrics.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(MeterRegistry.class).doesNotHaveBean(SagentsMeterBinder.class);
			assertThat(context.getBean(LocalProcessRuntime.class).metrics()).isSameAs(SagentsMetrics.NONE);
			assertThat(context.getBean(MeterRegistry.class).find("sagents.calls").meters()).isEmpty();
		});
	}

	@Test
	void theApplicationsOwnSagentsMetricsWins() {
		SagentsMetrics own = new SagentsMetrics() {
		};
		withBootMetrics().withBean(SagentsMetrics.class, () -> own).run((context) -> {
			assertThat(context).doesNotHaveBean(MicrometerSagentsMetrics.class).hasSingleBean(SagentsMeterBinder.class);
			assertThat(context.getBean(LocalProcessRuntime.class).metrics()).isSameAs(own);
		});
	}

	@Test
	void aLocalNodeCountsItsProcessesCallsAndCastsAndReadsItsGauges() {
		withBootMetrics().run((context) -> {
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			AgentRef alice = context.getBean(AgentSession.class).ensureRunning(AgentSpec.of("alice"));
			alice.callAndWait("hello", String.class, TIMEOUT);
			alice.call("hello", String.class, TIMEOUT).join();
			alice.cast("hello");
			assertThat(meters.get("sagents.process.starts").tag("kind", "agent").counter().count()).isEqualTo(1);
			assertThat(meters.get("sagents.calls").tag("location", "local").tag("outcome", "success").timer().count())
				.isEqualTo(2);
			assertThat(meters.get("sagents.casts").tag("location", "local").tag("outcome", "accepted").counter()
				.count()).isEqualTo(1);
			assertThat(meters.get("sagents.processes.hosted").tag("kind", "agent").gauge().value()).isEqualTo(1);
			assertThat(meters.get("sagents.registry.size").tag("kind", "agent").gauge().value()).isEqualTo(1);
			assertThat(meters.get("sagents.members").tag("instance", "registry").tag("status", "alive").gauge().value())
				.isEqualTo(1);
			assertThat(meters.get("sagents.mailbox.depth.max").gauge().value()).isGreaterThanOrEqualTo(0);
			context.getBean(AgentsSupervisor.class).stopAgent("alice");
			assertThat(meters.get("sagents.process.stops").tag("kind", "agent").counter().count()).isEqualTo(1);
			assertThat(meters.get("sagents.processes.hosted").tag("kind", "agent").gauge().value()).isZero();
		});
	}

}
