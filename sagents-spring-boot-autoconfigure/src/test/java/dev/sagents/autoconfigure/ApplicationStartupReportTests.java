package dev.sagents.autoconfigure;

import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An application whose first bean needs an {@code AgentsSupervisor}, started as an application
 * is, from the command line: a bad setting prints sagents' report (the property, the value, where
 * it came from, what is allowed), not Spring Boot's report of a missing bean.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApplicationStartupReportTests {

	private static final String MISSING_BEAN = "required a bean of type";

	@Test
	void aMisspeltDistributionIsReportedWithItsAllowedValues(CapturedOutput output) {
		assertThatException().isThrownBy(() -> application().run("--sagents.distribution=hord"));
		assertThat(output).contains("Invalid sagents configuration:")
			.contains("Property: sagents.distribution")
			.contains("Value: \"hord\"")
			.contains("Origin: \"sagents.distribution\" from property source \"commandLineArgs\"")
			.contains("Allowed: local, horde")
			.contains("Change sagents.distribution to an allowed value (local, horde)")
			.doesNotContain(MISSING_BEAN);
	}

	@Test
	void aMisspeltMembersModeIsReportedWithItsAllowedValues(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> application().run("--sagents.distribution=horde", "--sagents.horde.members=everyone"));
		assertThat(output).contains("Property: sagents.horde.members")
			.contains("Value: \"everyone\"")
			.contains("Allowed: auto, participation")
			.doesNotContain(MISSING_BEAN);
	}

	@Test
	void hordeModeWithoutHazelcastSaysWhatToAdd(CapturedOutput output) {
		SpringApplication application = new SpringApplication(
				new DefaultResourceLoader(new FilteredClassLoader(HazelcastInstance.class)), Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--sagents.distribution=horde"));
		assertThat(output).contains("Property: sagents.distribution")
			.contains("Value: \"horde\"")
			.contains("Allowed: local; horde mode needs com.hazelcast:hazelcast on the classpath "
					+ "(dev.sagents:sagents-spring-boot-starter-horde brings it)")
			.doesNotContain(MISSING_BEAN);
	}

	private static SpringApplication application() {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application;
	}

	/** An application as the README shows one: auto-configured, with a bean that needs the supervisor. */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(SettingsReports.NeedsAgentsSupervisor.class)
	static class Application {

	}

}
