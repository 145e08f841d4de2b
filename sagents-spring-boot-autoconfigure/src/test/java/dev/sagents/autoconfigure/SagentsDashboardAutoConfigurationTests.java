package dev.sagents.autoconfigure;

import java.nio.file.Path;

import dev.sagents.dashboard.DashboardBroadcaster;
import dev.sagents.dashboard.DashboardRates;
import dev.sagents.dashboard.DashboardSnapshots;
import dev.sagents.dashboard.MeterRates;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.function.RouterFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** When the dashboard is served, and what it reads its rates from. */
class SagentsDashboardAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(SagentsAutoConfiguration.class,
			SagentsDashboardAutoConfiguration.class);

	@TempDir
	Path baseDirectory;

	private WebApplicationContextRunner servlet() {
		return new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("sagents.node-name=n1", "sagents.filesystem.base-directory=" + this.baseDirectory);
	}

	@Test
	void offByDefault() {
		servlet().run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(DashboardSnapshots.class)
			.doesNotHaveBean(RouterFunction.class));
	}

	@Test
	void enabledInAServletApplicationItServesTheRoutesWithUnknownRatesWithoutAMeterRegistry() {
		servlet().withPropertyValues("sagents.dashboard.enabled=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(DashboardSnapshots.class)
					.hasSingleBean(DashboardBroadcaster.class)
					.hasBean("sagentsDashboardRoutes");
				assertThat(context.getBean(DashboardRates.class).sample())
					.allSatisfy((rate) -> assertThat(rate.value()).isNull());
			});
	}

	@Test
	void ratesComeFromTheMeterRegistryWhenThereIsOne() {
		servlet().withPropertyValues("sagents.dashboard.enabled=true")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context).getBean(DashboardRates.class).isInstanceOf(MeterRates.class));
	}

	@Test
	void withoutMicrometerOnTheClasspathEveryRateIsUnknown() {
		servlet().withPropertyValues("sagents.dashboard.enabled=true")
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasBean("sagentsDashboardRoutes");
				assertThat(context.getBean(DashboardRates.class).sample())
					.allSatisfy((rate) -> assertThat(rate.value()).isNull());
			});
	}

	@Test
	void notServedOutsideAServletApplication() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("sagents.node-name=n1", "sagents.filesystem.base-directory=" + this.baseDirectory,
					"sagents.dashboard.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DashboardSnapshots.class));
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("sagents.node-name=n1", "sagents.filesystem.base-directory=" + this.baseDirectory,
					"sagents.dashboard.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DashboardSnapshots.class));
	}

	@Test
	void notServedWithoutSpringMvc() {
		servlet().withPropertyValues("sagents.dashboard.enabled=true")
			.withClassLoader(new FilteredClassLoader(RouterFunction.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DashboardSnapshots.class));
	}

	@Test
	void aUserRatesBeanReplacesOurs() {
		servlet().withPropertyValues("sagents.dashboard.enabled=true")
			.withBean("custom", DashboardRates.class, DashboardRates::none)
			.run((context) -> assertThat(context).hasSingleBean(DashboardRates.class).hasBean("custom"));
	}

	@Test
	void aBadPathFailsStartupNamingThePropertyAndWhatIsAllowed() {
		assertStartupFailure("sagents.dashboard.path=/sagents/", "sagents.dashboard.path", "\"/sagents/\"",
				"segments of letters");
		assertStartupFailure("sagents.dashboard.path=sagents", "sagents.dashboard.path", "\"sagents\"",
				"segments of letters");
		assertStartupFailure("sagents.dashboard.path=/a/<b>", "sagents.dashboard.path", "\"/a/<b>\"",
				"segments of letters");
	}

	@Test
	void aRefreshIntervalThatIsNotPositiveFailsStartup() {
		assertStartupFailure("sagents.dashboard.refresh-interval=0s", "sagents.dashboard.refresh-interval", "\"PT0S\"",
				"a positive duration");
	}

	private void assertStartupFailure(String property, String name, String value, String allowed) {
		servlet().withPropertyValues("sagents.dashboard.enabled=true", property).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new SagentsPropertiesFailureAnalyzer(null).analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("Property: " + name)
				.contains("Value: " + value)
				.contains(allowed);
		});
	}

}
