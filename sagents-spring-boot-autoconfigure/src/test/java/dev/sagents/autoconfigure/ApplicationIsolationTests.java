package dev.sagents.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.cluster.ClusterView;
import dev.sagents.testsupport.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two different applications started on one host in horde mode with the defaults: their nodes
 * listen on the same ports and look for each other on the same addresses, and still form two
 * clusters, each named after its application, so neither sees the other's members or agents.
 */
class ApplicationIsolationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path baseDirectory;

	/**
	 * Loopback, as by default, on free ports rather than the default 5801 on, so that no other
	 * build on this machine meets these nodes. The node name is set only because two nodes in one
	 * JVM would otherwise have the same default one.
	 */
	private final int port = FreePorts.block(5);

	@Test
	void twoApplicationsOnOneHostFormTwoClusters() {
		try (ConfigurableApplicationContext orders = start("orders");
				ConfigurableApplicationContext billing = start("billing")) {
			assertThat(orders.getBean(ClusterView.class).liveNodes()).containsExactly("orders-node");
			assertThat(billing.getBean(ClusterView.class).liveNodes()).containsExactly("billing-node");
			orders.getBean(AgentsSupervisor.class).startAgent(AgentSpec.of("alice")).ref().callAndWait("hi",
					String.class, TIMEOUT);
			assertThat(orders.getBean(AgentsSupervisor.class).findAgent("alice")).isPresent();
			assertThat(billing.getBean(AgentsSupervisor.class).findAgent("alice")).isEmpty();
			assertThat(billing.getBean(AgentsSupervisor.class).countAgents()).isZero();
		}
	}

	private ConfigurableApplicationContext start(String name) {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run("--spring.application.name=" + name, "--sagents.distribution=horde",
				"--sagents.node-name=" + name + "-node", "--sagents.horde.network.port=" + this.port,
				"--sagents.horde.network.port-count=5",
				"--sagents.horde.network.join-members=127.0.0.1:" + this.port + ",127.0.0.1:" + (this.port + 1),
				"--sagents.filesystem.base-directory=" + this.baseDirectory.resolve(name));
	}

	/** An application with one agent type, auto-configured. */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

		@Bean
		ParticipationConfinementTests.Echo echo() {
			return new ParticipationConfinementTests.Echo();
		}

	}

}
