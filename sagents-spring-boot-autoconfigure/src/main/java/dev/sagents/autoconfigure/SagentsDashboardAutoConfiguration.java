package dev.sagents.autoconfigure;

import java.time.Clock;
import java.util.regex.Pattern;

import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.cluster.ClusterView;
import dev.sagents.dashboard.DashboardBroadcaster;
import dev.sagents.dashboard.DashboardProperties;
import dev.sagents.dashboard.DashboardRates;
import dev.sagents.dashboard.DashboardRoutes;
import dev.sagents.dashboard.DashboardSnapshots;
import dev.sagents.dashboard.MeterRates;
import dev.sagents.registry.ProcessRegistry;
import dev.sagents.supervisor.ProcessFailureLog;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The sagents dashboard ({@code dev.sagents.dashboard}) at {@code sagents.dashboard.path}, when
 * {@code sagents.dashboard.enabled=true} in a servlet web application with Spring MVC. Its rates
 * come from the application's {@code MeterRegistry} when Micrometer is on the classpath and one
 * exists; without, they show as unknown.
 */
@AutoConfiguration(after = SagentsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnProperty(prefix = "sagents.dashboard", name = "enabled", havingValue = "true")
@ConditionalOnBean({ ClusterView.class, ProcessRegistry.class, ProcessFailureLog.class })
@EnableConfigurationProperties(DashboardProperties.class)
public final class SagentsDashboardAutoConfiguration {

	private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._-]+)+");

	@Bean
	@ConditionalOnMissingBean
	DashboardSnapshots sagentsDashboardSnapshots(ClusterView clusterView, ProcessRegistry registry,
			ProcessFailureLog failures, ObjectProvider<AgentsSupervisor> agentsSupervisor, DashboardRates rates) {
		AgentsSupervisor agents = agentsSupervisor.getIfAvailable();
		return new DashboardSnapshots(clusterView, registry, failures, (agents != null) ? agents::listAgents : null,
				rates, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	DashboardBroadcaster sagentsDashboardBroadcaster(DashboardSnapshots snapshots, DashboardProperties properties) {
		if (properties.getRefreshInterval() == null || properties.getRefreshInterval().isNegative()
				|| properties.getRefreshInterval().isZero()) {
			throw new InvalidSagentsPropertyException("sagents.dashboard.refresh-interval",
					properties.getRefreshInterval(), "a positive duration, such as 500ms, 2s or 1m");
		}
		return new DashboardBroadcaster(snapshots::take, properties.getRefreshInterval());
	}

	@Bean
	@ConditionalOnMissingBean(name = "sagentsDashboardRoutes")
	RouterFunction<ServerResponse> sagentsDashboardRoutes(DashboardProperties properties,
			DashboardSnapshots snapshots, DashboardBroadcaster broadcaster) {
		String path = properties.getPath();
		if (path == null || !PATH.matcher(path).matches()) {
			throw new InvalidSagentsPropertyException("sagents.dashboard.path", path,
					"'/' and one or more segments of letters, digits, '.', '_' or '-' separated by '/', "
							+ "without a trailing '/', such as /sagents");
		}
		return DashboardRoutes.of(path, snapshots, broadcaster);
	}

	/** The rates read from the application's meters, when it has a {@code MeterRegistry}. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MeterRatesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DashboardRates sagentsDashboardRates(ObjectProvider<MeterRegistry> meterRegistry) {
			MeterRegistry registry = meterRegistry.getIfAvailable();
			return (registry != null) ? new MeterRates(registry, System::nanoTime) : DashboardRates.none();
		}

	}

	/** Every rate unknown, without Micrometer on the classpath. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("io.micrometer.core.instrument.MeterRegistry")
	static class NoMeterRatesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DashboardRates sagentsDashboardRates() {
			return DashboardRates.none();
		}

	}

}
