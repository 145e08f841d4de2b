package dev.sagents.autoconfigure;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import dev.sagents.horde.MemberNameInUseException;
import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.testsupport.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two horde nodes in one JVM whose members would have one instance name: the second fails to
 * start with a report naming the node name, its value and the fix, not with Hazelcast's own
 * "already exists".
 */
class MemberNameInUseTests {

	@TempDir
	Path baseDirectory;

	private final AtomicReference<Environment> environment = new AtomicReference<>();

	private final int port = FreePorts.block(5);

	private final String clusterName = FreePorts.clusterName("name-in-use");

	private ApplicationContextRunner node() {
		return new ApplicationContextRunner().withInitializer((context) -> this.environment.set(context.getEnvironment()))
			.withConfiguration(AutoConfigurations.of(SagentsAutoConfiguration.class))
			.withPropertyValues("sagents.distribution=horde", "sagents.horde.cluster-name=" + this.clusterName,
					"sagents.horde.network.port=" + this.port, "sagents.horde.network.port-count=5",
					"sagents.horde.network.join-members=127.0.0.1:" + this.port,
					"sagents.filesystem.base-directory=" + this.baseDirectory);
	}

	@Test
	void aSecondNodeOfTheDefaultNameInOneJvmIsToldToSetTheNodeName() {
		node().run((first) -> {
			String nodeName = first.getBean(LocalProcessRuntime.class).node();
			node().run((second) -> {
				assertThat(second).hasFailed();
				assertThat(second.getStartupFailure()).hasRootCauseInstanceOf(
						com.hazelcast.config.InvalidConfigurationException.class);
				FailureAnalysis analysis = new SagentsPropertiesFailureAnalyzer(this.environment.get())
					.analyze(second.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("Property: sagents.node-name")
					.contains("Value: \"" + nodeName + "\"")
					.contains("a name no other sagents node of this JVM has");
				assertThat(analysis.getAction()).startsWith("Change sagents.node-name to an allowed value");
			});
		});
	}

	@Test
	void aMemberNamedByItsConfigurationResourceIsReportedOnThatResource() {
		MockEnvironment environment = new MockEnvironment().withProperty("sagents.horde.config",
				"classpath:orders-hazelcast.yaml");
		FailureAnalysis analysis = new SagentsPropertiesFailureAnalyzer(environment)
			.analyze(new MemberNameInUseException("orders-member", "n1", null));
		assertThat(analysis.getDescription()).contains("Property: sagents.horde.config")
			.contains("Value: \"classpath:orders-hazelcast.yaml\"")
			.contains("instance-name ('orders-member')");
	}

	@Test
	void aMemberNamedByACustomizerIsReportedOnTheCustomizerNotOnAnUnsetResource() {
		SagentsHazelcastConfigCustomizer named = (config) -> config.setInstanceName("orders-member");
		node().withBean(SagentsHazelcastConfigCustomizer.class, () -> named)
			.withPropertyValues("sagents.node-name=n1")
			.run((first) -> node().withBean(SagentsHazelcastConfigCustomizer.class, () -> named)
				.withPropertyValues("sagents.node-name=n2")
				.run((second) -> {
					assertThat(second).hasFailed();
					FailureAnalysis analysis = new SagentsPropertiesFailureAnalyzer(this.environment.get())
						.analyze(second.getStartupFailure());
					assertThat(analysis).isNotNull();
					assertThat(analysis.getDescription())
						.contains("A Hazelcast member named 'orders-member' already runs in this JVM")
						.contains("SagentsHazelcastConfigCustomizer")
						.doesNotContain("Property: sagents.horde.config")
						.doesNotContain("null");
					assertThat(analysis.getAction()).contains("SagentsHazelcastConfigCustomizer");
				}));
	}

}
