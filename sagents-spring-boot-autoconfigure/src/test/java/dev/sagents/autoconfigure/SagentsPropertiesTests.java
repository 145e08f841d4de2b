package dev.sagents.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import dev.sagents.agent.AgentSettings;
import dev.sagents.cluster.DistributionMode;
import dev.sagents.cluster.MembersMode;
import dev.sagents.cluster.RebalanceMode;
import dev.sagents.filesystem.FileSystemSettings;
import dev.sagents.supervisor.RestartIntensity;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** Binding of {@code sagents.*}: defaults, kebab-case names and the conversions into settings. */
class SagentsPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesOnly.class);

	@Test
	void defaultsMatchTheDocumentedValues() {
		this.runner.run((context) -> {
			SagentsProperties properties = context.getBean(SagentsProperties.class);
			assertThat(properties.getDistribution()).isEqualTo(DistributionMode.LOCAL);
			assertThat(properties.getNodeName()).isNull();
			assertThat(properties.getSupervisor().isEnabled()).isTrue();
			assertThat(properties.getHorde().getMembers()).isEqualTo(MembersMode.AUTO);
			assertThat(properties.getHorde().getPartition()).isNull();
			assertThat(properties.getHorde().getRebalance()).isEqualTo(RebalanceMode.PASSIVE);
			assertThat(properties.getHorde().getRebalanceBatchSize()).isEqualTo(250);
			assertThat(properties.getHorde().getRebalanceInterval()).isEqualTo(Duration.ofMillis(20));
			assertThat(properties.getAgents().getDefaultType()).isNull();
			assertThat(properties.getAgents().getMailboxCapacity()).isEqualTo(10_000);
			assertThat(properties.getHorde().getMaxMessageSize()).isEqualTo(DataSize.ofMegabytes(1));
			assertThat(properties.getAgents().toSettings()).isEqualTo(AgentSettings.defaults());
			assertThat(properties.getFilesystem().toSettings()).isEqualTo(FileSystemSettings.defaults());
			assertThat(properties.getFilesystem().getBaseDirectory()).isEqualTo(Path.of("sagents-data/filesystems"));
			assertThat(properties.getRuntime().getThreads()).isEqualTo(RuntimeProperties.Threads.AUTO);
			assertThat(properties.getRuntime().effectiveParallelism())
				.isEqualTo(Runtime.getRuntime().availableProcessors());
		});
	}

	@Test
	void kebabCaseNamesAndLowerCaseValuesBind() {
		this.runner
			.withPropertyValues("sagents.distribution=local", "sagents.node-name=n1", "sagents.supervisor.enabled=false",
					"sagents.horde.members=participation", "sagents.horde.partition=ord",
					"sagents.agents.inactivity-timeout=90s", "sagents.agents.shutdown-grace=2s",
					"sagents.agents.call-timeout=1500ms", "sagents.agents.default-type=notes",
					"sagents.agents.restart.max-restarts=0", "sagents.agents.restart.window=1m",
					"sagents.filesystem.persist-debounce=0", "sagents.filesystem.base-directory=/var/lib/sagents",
					"sagents.filesystem.max-file-size=512KB", "sagents.filesystem.max-path-length=200",
					"sagents.filesystem.call-timeout=3s", "sagents.filesystem.restart.max-restarts=7",
					"sagents.filesystem.restart.window=10s", "sagents.runtime.threads=platform",
					"sagents.runtime.parallelism=3")
			.run((context) -> {
				SagentsProperties properties = context.getBean(SagentsProperties.class);
				assertThat(properties.getNodeName()).isEqualTo("n1");
				assertThat(properties.getSupervisor().isEnabled()).isFalse();
				assertThat(properties.getHorde().getMembers()).isEqualTo(MembersMode.PARTICIPATION);
				assertThat(properties.getHorde().getPartition()).isEqualTo("ord");
				assertThat(properties.getAgents().getDefaultType()).isEqualTo("notes");
				assertThat(properties.getAgents().toSettings()).isEqualTo(new AgentSettings(Duration.ofSeconds(90),
						Duration.ofSeconds(2), Duration.ofMillis(1500), new RestartIntensity(0, Duration.ofMinutes(1))));
				assertThat(properties.getFilesystem().getBaseDirectory()).isEqualTo(Path.of("/var/lib/sagents"));
				assertThat(properties.getFilesystem().toSettings()).isEqualTo(new FileSystemSettings(Duration.ZERO,
						512 * 1024, 200, Duration.ofSeconds(3), new RestartIntensity(7, Duration.ofSeconds(10))));
				assertThat(properties.getRuntime().getThreads()).isEqualTo(RuntimeProperties.Threads.PLATFORM);
				assertThat(properties.getRuntime().effectiveParallelism()).isEqualTo(3);
			});
	}

	@Test
	void zeroInactivityTimeoutMeansAgentsNeverStopWhenIdle() {
		this.runner.withPropertyValues("sagents.agents.inactivity-timeout=0")
			.run((context) -> assertThat(context.getBean(SagentsProperties.class).getAgents().toSettings().stopsWhenIdle())
				.isFalse());
	}

	@Test
	void anEmptyBaseDirectoryKeepsTheDefault() {
		this.runner.withPropertyValues("sagents.filesystem.base-directory=")
			.run((context) -> assertThat(context.getBean(SagentsProperties.class).getFilesystem().getBaseDirectory())
				.isEqualTo(Path.of("sagents-data/filesystems")));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SagentsProperties.class)
	static class PropertiesOnly {

	}

}
