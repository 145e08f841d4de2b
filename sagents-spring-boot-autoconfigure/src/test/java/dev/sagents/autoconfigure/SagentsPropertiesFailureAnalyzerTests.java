package dev.sagents.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static dev.sagents.autoconfigure.SettingsReports.POSITIVE_DURATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bad {@code sagents.*} values stop startup, and the report names the property, the value given
 * and what is allowed, also in a context whose first bean needs an {@code AgentsSupervisor}.
 */
class SagentsPropertiesFailureAnalyzerTests {

	private static final String MAX_RESTARTS = "0 (never restart) or a positive whole number";

	private final SettingsReports reports = new SettingsReports();

	private final ApplicationContextRunner runner = this.reports.runner();

	@Test
	void misspeltDistributionListsTheAllowedValuesInLowerCase() {
		assertReport("sagents.distribution=hord", "sagents.distribution", "hord", "local, horde");
	}

	@Test
	void misspeltMembersModeListsTheAllowedValues() {
		assertReport("sagents.horde.members=everyone", "sagents.horde.members", "everyone", "auto, participation");
	}

	@Test
	void misspeltThreadsListsTheAllowedValues() {
		assertReport("sagents.runtime.threads=green", "sagents.runtime.threads", "green", "auto, virtual, platform");
	}

	@Test
	void misspeltCodecFormatListsTheAllowedValues() {
		assertReport("sagents.codec.format=protobuf", "sagents.codec.format", "protobuf", "json, compact");
	}

	@Test
	void malformedDurationSaysWhatADurationLooksLike() {
		assertReport("sagents.agents.call-timeout=soon", "sagents.agents.call-timeout", "soon",
				"a duration, such as 500ms, 30s, 5m or PT30S");
	}

	@Test
	void trustedPackageThatIsNoPackageNameIsRefused() {
		assertReport("sagents.codec.trusted-packages=com..example", "sagents.codec.trusted-packages",
				"com..example",
				"the application's package names, such as com.example.orders ('com..example' is not a package name)");
	}

	@Test
	void trustedPackageOfTheJdkIsRefused() {
		assertReport("sagents.codec.trusted-packages=com.example,java.util", "sagents.codec.trusted-packages",
				"com.example,java.util", "the application's package names, such as com.example.orders (Cannot trust "
						+ "package 'java.util': it overlaps the JDK's 'java'; trust the JDK classes you need one by one)");
	}

	@Test
	void negativeInactivityTimeoutIsRefusedWithTheValueAsWritten() {
		assertReport("sagents.agents.inactivity-timeout=-5s", "sagents.agents.inactivity-timeout", "-5s",
				"0 (never) or a positive duration, such as 5m");
	}

	@Test
	void zeroCallTimeoutIsRefused() {
		assertReport("sagents.agents.call-timeout=0", "sagents.agents.call-timeout", "0",
				POSITIVE_DURATION);
	}

	@Test
	void zeroShutdownGraceIsRefused() {
		assertReport("sagents.agents.shutdown-grace=0s", "sagents.agents.shutdown-grace", "0s",
				POSITIVE_DURATION);
	}

	@Test
	void negativePersistDebounceIsRefused() {
		assertReport("sagents.filesystem.persist-debounce=-1ms", "sagents.filesystem.persist-debounce", "-1ms",
				"0 (persist at once) or a positive duration such as 5s");
	}

	@Test
	void zeroRestartWindowIsRefused() {
		assertReport("sagents.filesystem.restart.window=0", "sagents.filesystem.restart.window", "0",
				POSITIVE_DURATION);
	}

	@Test
	void negativeAgentRestartWindowIsRefused() {
		assertReport("sagents.agents.restart.window=-1s", "sagents.agents.restart.window", "-1s", POSITIVE_DURATION);
	}

	@Test
	void negativeFileSystemMaxRestartsIsRefused() {
		assertReport("sagents.filesystem.restart.max-restarts=-2", "sagents.filesystem.restart.max-restarts", "-2",
				MAX_RESTARTS);
	}

	@Test
	void zeroFileSystemCallTimeoutIsRefused() {
		assertReport("sagents.filesystem.call-timeout=0s", "sagents.filesystem.call-timeout", "0s", POSITIVE_DURATION);
	}

	@Test
	void noBaseDirectoryIsRefused() {
		// Only code can clear it: an empty value keeps the default, as SagentsPropertiesTests shows.
		SagentsProperties properties = new SagentsProperties();
		properties.getFilesystem().setBaseDirectory(null);
		assertCodeSetValueRefused(properties, "sagents.filesystem.base-directory",
				"a directory path, relative to the working directory or absolute");
	}

	@Test
	void negativeCallTimeoutsAreRefused() {
		assertReport("sagents.agents.call-timeout=-1s", "sagents.agents.call-timeout", "-1s", POSITIVE_DURATION);
		assertReport("sagents.filesystem.call-timeout=-5s", "sagents.filesystem.call-timeout", "-5s", POSITIVE_DURATION);
	}

	@Test
	void noCallTimeoutIsRefused() {
		SagentsProperties agents = new SagentsProperties();
		agents.getAgents().setCallTimeout(null);
		assertCodeSetValueRefused(agents, "sagents.agents.call-timeout", POSITIVE_DURATION);
		SagentsProperties fileSystems = new SagentsProperties();
		fileSystems.getFilesystem().setCallTimeout(null);
		assertCodeSetValueRefused(fileSystems, "sagents.filesystem.call-timeout", POSITIVE_DURATION);
	}

	/** A value only code can set ({@code null}) is refused with the report, which has no origin to show. */
	private static void assertCodeSetValueRefused(SagentsProperties properties, String property, String allowed) {
		assertThatExceptionOfType(InvalidSagentsPropertyException.class)
			.isThrownBy(() -> SagentsPropertiesValidator.validate(properties))
			.satisfies((invalid) -> {
				FailureAnalysis analysis = new SagentsPropertiesFailureAnalyzer(null).analyze(invalid);
				SettingsReports.assertAnalysis(analysis, property, "null", allowed);
				assertThat(analysis.getDescription()).doesNotContain("Origin: ");
			});
	}

	@Test
	void negativeMaxRestartsIsRefused() {
		assertReport("sagents.agents.restart.max-restarts=-1", "sagents.agents.restart.max-restarts", "-1",
				MAX_RESTARTS);
	}

	@Test
	void zeroMailboxCapacityIsRefused() {
		assertReport("sagents.agents.mailbox-capacity=0", "sagents.agents.mailbox-capacity", "0",
				"a positive whole number");
	}

	@Test
	void zeroMaxFileSizeIsRefused() {
		assertReport("sagents.filesystem.max-file-size=0", "sagents.filesystem.max-file-size", "0",
				"a positive size, such as 512KB or 10MB");
	}

	@Test
	void zeroMaxPathLengthIsRefused() {
		assertReport("sagents.filesystem.max-path-length=0", "sagents.filesystem.max-path-length", "0",
				"a positive whole number");
	}

	@Test
	void zeroParallelismIsRefused() {
		assertReport("sagents.runtime.parallelism=0", "sagents.runtime.parallelism", "0", "a positive whole number");
	}

	@Test
	void blankNodeNameIsRefused() {
		assertReport("sagents.node-name= ", "sagents.node-name", "", "a non-blank name, or no value for the host name");
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void virtualThreadsBeforeJava21AreRefused() {
		assertReport("sagents.runtime.threads=virtual", "sagents.runtime.threads", "virtual",
				"auto or platform on this JVM (Java " + Runtime.version().feature() + "); virtual needs Java 21 or later");
	}

	@Test
	void bindFailuresOutsideSagentsAreLeftToSpringBoot() {
		this.runner.withUserConfiguration(OtherProperties.class)
			.withPropertyValues("other.mode=hord")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(this.reports.analyze(context)).isNull();
			});
	}

	private void assertReport(String propertyValue, String property, String value, String allowed) {
		assertReport(this.runner, propertyValue, property, value, allowed);
	}

	private void assertReport(ApplicationContextRunner runner, String propertyValue, String property, String value,
			String allowed) {
		this.reports.assertReport(runner, propertyValue, property, value, allowed);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(OtherProperties.Bound.class)
	static class OtherProperties {

		@ConfigurationProperties("other")
		static class Bound {

			private Thread.State mode;

			public Thread.State getMode() {
				return this.mode;
			}

			public void setMode(Thread.State mode) {
				this.mode = mode;
			}

		}

	}

}
