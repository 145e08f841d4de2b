package dev.sagents.autoconfigure;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.sagents.codec.MessageCodec;
import dev.sagents.horde.HordeNode;
import dev.sagents.testsupport.FreePorts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Horde mode without what it runs on stops startup with the report that names the property that
 * asked for it and what to add, also in a context whose first bean needs an
 * {@code AgentsSupervisor}; so does a Hazelcast client where sagents needs a member.
 */
class HordeRequirementsTests {

	private static final String STARTER = "dev.sagents:sagents-spring-boot-starter-horde brings it";

	private final SettingsReports reports = new SettingsReports();

	private final ApplicationContextRunner horde = this.reports.runner()
		.withPropertyValues("sagents.distribution=horde", "sagents.node-name=n1");

	@Test
	void hordeWithoutHazelcastSaysWhatToAdd() {
		this.reports.assertReport(this.reports.runner().withClassLoader(new FilteredClassLoader(HazelcastInstance.class)),
				"sagents.distribution=horde", "sagents.distribution", "horde",
				"local; horde mode needs com.hazelcast:hazelcast on the classpath (" + STARTER + ")");
	}

	@Test
	void hordeWithoutJacksonSaysWhatToAdd() {
		this.reports.assertReport(this.reports.runner().withClassLoader(new FilteredClassLoader(JsonMapper.class)),
				"sagents.distribution=horde", "sagents.distribution", "horde",
				"local; horde mode needs tools.jackson.core:jackson-databind on the classpath for the values that "
						+ "travel between members (" + STARTER + "), or a MessageCodec bean");
	}

	@Test
	void hordeWithoutJacksonRunsOnTheApplicationsOwnCodec() {
		MessageCodec codec = mock(MessageCodec.class);
		this.horde.withClassLoader(new FilteredClassLoader(JsonMapper.class))
			.withBean(MessageCodec.class, () -> codec)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(HordeNode.class));
	}

	@Test
	void springHazelcastConfigWithoutSpringBootsHazelcastModuleIsRefusedRatherThanIgnored() {
		this.reports.assertReport(this.horde.withClassLoader(new FilteredClassLoader("org.springframework.boot.hazelcast")),
				"spring.hazelcast.config=classpath:app-hazelcast.yaml", "spring.hazelcast.config",
				"classpath:app-hazelcast.yaml",
				"no value without org.springframework.boot:spring-boot-hazelcast on the classpath, which reads it ("
						+ STARTER + "): else nothing starts that member, and with sagents.horde.members=auto sagents "
						+ "would start a member of its own instead of running on it");
	}

	@Test
	void springHazelcastConfigWithParticipationIsTheApplicationsOwnBusiness() {
		// sagents starts its own member in participation mode, whatever configures the application's.
		this.horde.withClassLoader(new FilteredClassLoader("org.springframework.boot.hazelcast"))
			.withPropertyValues("sagents.horde.members=participation",
					"spring.hazelcast.config=classpath:app-hazelcast.yaml")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(HordeNode.class));
	}

	@Test
	void aHazelcastClientIsRefusedInMembersAutoAsItHasNoMemberToRunOn() {
		int port = FreePorts.block(5);
		String clusterName = FreePorts.clusterName("client-refused");
		HazelcastInstance member = Hazelcast
			.newHazelcastInstance(ParticipationConfinementTests.applicationConfig(clusterName, "m1", port));
		try {
			ClientConfig clientConfig = new ClientConfig();
			clientConfig.setClusterName(clusterName);
			clientConfig.setProperty("hazelcast.phone.home.enabled", "false");
			clientConfig.setProperty("hazelcast.logging.type", "slf4j");
			clientConfig.getNetworkConfig().addAddress("127.0.0.1:" + port);
			HazelcastInstance client = HazelcastClient.newHazelcastClient(clientConfig);
			try {
				this.horde.withBean(HazelcastInstance.class, () -> client).run((context) -> {
					SettingsReports.assertAnalysis(this.reports.analyzeFailure(context), "sagents.horde.members",
							"auto", "participation, since the application's HazelcastInstance is a Hazelcast client, "
									+ "which has no member for sagents to run on (or make that instance a member)");
				});
			}
			finally {
				client.shutdown();
			}
		}
		finally {
			member.shutdown();
		}
	}

}
