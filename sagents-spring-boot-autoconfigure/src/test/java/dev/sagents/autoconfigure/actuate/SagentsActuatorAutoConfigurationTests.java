package dev.sagents.autoconfigure.actuate;

import java.nio.file.Path;
import java.util.Map;

import dev.sagents.actuate.SagentsEndpoint;
import dev.sagents.actuate.SagentsHealthIndicator;
import dev.sagents.actuate.SagentsInfoContributor;
import dev.sagents.autoconfigure.SagentsAutoConfiguration;
import dev.sagents.cluster.NodeDrain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.autoconfigure.endpoint.PropertiesEndpointAccessResolver;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** When the {@code sagents} endpoint and health contributor appear, and what they report. */
class SagentsActuatorAutoConfigurationTests {

	@TempDir
	Path baseDirectory;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SagentsAutoConfiguration.class,
					SagentsEndpointAutoConfiguration.class, SagentsHealthContributorAutoConfiguration.class,
					SagentsInfoContributorAutoConfiguration.class))
			.withPropertyValues("sagents.node-name=n1", "sagents.filesystem.base-directory=" + this.baseDirectory);
	}

	@Test
	void exposedEndpointReportsThisNode() {
		runner().withPropertyValues("management.endpoints.web.exposure.include=sagents").run((context) -> {
			assertThat(context).hasSingleBean(SagentsEndpoint.class);
			SagentsEndpoint.SagentsDescriptor descriptor = context.getBean(SagentsEndpoint.class).sagents();
			assertThat(descriptor.node()).isEqualTo("n1");
			assertThat(descriptor.registry()).isEqualTo("running");
			assertThat(descriptor.consistent()).isTrue();
			assertThat(descriptor.instances().get("registry").members())
				.containsExactly(new SagentsEndpoint.MemberDescriptor("n1", "alive"));
		});
	}

	@Test
	void endpointIsAbsentUnlessExposed() {
		runner().run((context) -> assertThat(context).doesNotHaveBean(SagentsEndpoint.class));
	}

	@Test
	void endpointIsAbsentWithoutTheActuator() {
		runner().withPropertyValues("management.endpoints.web.exposure.include=sagents")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SagentsEndpoint.class));
	}

	@Test
	void endpointIsAbsentWhenItsAccessIsNone() {
		runner().withPropertyValues("management.endpoints.web.exposure.include=sagents",
				"management.endpoint.sagents.access=none")
			// As SpringApplication does, so the value is read as an application's would be.
			.withInitializer((context) -> context.getEnvironment().setConversionService(new ApplicationConversionService()))
			.run((context) -> assertThat(context).doesNotHaveBean(SagentsEndpoint.class));
	}

	@Test
	void endpointIsReadOnlyUnlessItsAccessIsUnrestricted() {
		Access declared = SagentsEndpoint.class.getAnnotation(Endpoint.class).defaultAccess();
		EndpointId id = EndpointId.of("sagents");
		assertThat(new PropertiesEndpointAccessResolver(new MockEnvironment()).accessFor(id, declared))
			.isEqualTo(Access.READ_ONLY);
		MockEnvironment unrestricted = new MockEnvironment().withProperty("management.endpoint.sagents.access",
				"unrestricted");
		unrestricted.setConversionService(new ApplicationConversionService());
		assertThat(new PropertiesEndpointAccessResolver(unrestricted).accessFor(id, declared))
			.isEqualTo(Access.UNRESTRICTED);
	}

	@Test
	void endpointDrainsThroughTheHordeNodeOnlyInHordeMode() {
		runner().withPropertyValues("management.endpoints.web.exposure.include=sagents")
			.run((context) -> assertThat(context).doesNotHaveBean(NodeDrain.class));
	}

	@Test
	void infoContributorShowsThisNodeAndWhatItHosts() {
		runner().run((context) -> {
			assertThat(context).hasSingleBean(SagentsInfoContributor.class);
			Info.Builder builder = new Info.Builder();
			context.getBean(SagentsInfoContributor.class).contribute(builder);
			assertThat(builder.build().getDetails()).containsEntry("sagents",
					Map.of("distribution", "local", "node", "n1", "members", "auto", "hostedHere",
							new SagentsHealthIndicator.HostedHere(0, 0)));
		});
	}

	@Test
	void infoContributorCanBeDisabled() {
		runner().withPropertyValues("management.info.sagents.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SagentsInfoContributor.class));
	}

	@Test
	void infoContributorIsAbsentWithoutTheActuator() {
		runner().withClassLoader(new FilteredClassLoader(InfoContributor.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SagentsInfoContributor.class));
	}

	@Test
	void healthContributorIsUpOnAHostingNode() {
		runner().run((context) -> {
			assertThat(context).hasBean("sagentsHealthIndicator");
			assertThat(context.getBean(SagentsHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void healthContributorSaysANodeWithoutSupervisorHostsNothing() {
		runner().withPropertyValues("sagents.supervisor.enabled=false").run((context) -> {
			var health = context.getBean(SagentsHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("hosting", false).containsEntry("registry", "starting");
		});
	}

	@Test
	void healthContributorCanBeDisabled() {
		runner().withPropertyValues("management.health.sagents.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SagentsHealthIndicator.class));
	}

	@Test
	void healthContributorIsAbsentWithoutSpringBootHealth() {
		runner().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SagentsHealthIndicator.class));
	}

}
