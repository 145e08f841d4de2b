package dev.sagents.autoconfigure;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentResult;
import dev.sagents.agent.AgentSession;
import dev.sagents.actuate.SagentsEndpoint;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.cluster.ClusterView;
import dev.sagents.cluster.MembersMode;
import dev.sagents.cluster.RebalanceMode;
import dev.sagents.codec.EncodedValue;
import dev.sagents.codec.JsonMessageCodec;
import dev.sagents.codec.MessageCodec;
import dev.sagents.codec.MessageEncodingException;
import dev.sagents.codec.UntrustedTypeException;
import dev.sagents.codec.compact.CompactMessageCodec;
import dev.sagents.codec.notes.Note;
import dev.sagents.codec.notes.Priority;
import dev.sagents.codec.orders.Line;
import dev.sagents.codec.orders.LineSerializer;
import dev.sagents.horde.ApplicationHazelcastMemberProvider;
import dev.sagents.horde.HazelcastMemberProvider;
import dev.sagents.horde.HordeAgentsSupervisor;
import dev.sagents.horde.HordeClusterView;
import dev.sagents.horde.HordeFileSystemSupervisor;
import dev.sagents.horde.HordeNode;
import dev.sagents.horde.HordeNodeDrain;
import dev.sagents.horde.HordeProcessRegistry;
import dev.sagents.horde.HordeSettings;
import dev.sagents.horde.HordeStructures;
import dev.sagents.horde.OwnedHazelcastMemberProvider;
import dev.sagents.autoconfigure.actuate.SagentsEndpointAutoConfiguration;
import dev.sagents.local.LocalAgentsSupervisor;
import dev.sagents.local.LocalClusterView;
import dev.sagents.local.LocalFileSystemSupervisor;
import dev.sagents.local.LocalProcessRegistry;
import dev.sagents.persistence.FileSystemStore;
import dev.sagents.persistence.disk.DiskFileSystemStore;
import dev.sagents.registry.RegistryState;
import dev.sagents.registry.RegistryUnavailableException;
import dev.sagents.supervisor.SagentsSupervisor;
import dev.sagents.testsupport.TestAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hazelcast.autoconfigure.HazelcastConfigCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.LifecycleProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Which horde beans sagents auto-configures, which Hazelcast member they run on, and when they back
 * off. The contexts refresh without starting lifecycle beans, so no member ever starts here.
 */
class HordeBackendConfigurationTests {

	private static final byte[] EMPTY_OBJECT = { '{', '}' };

	@TempDir
	Path baseDirectory;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SagentsAutoConfiguration.class))
			.withPropertyValues("sagents.distribution=horde", "sagents.node-name=n1",
					"sagents.filesystem.base-directory=" + this.baseDirectory)
			.withBean("lifecycleProcessor", LifecycleProcessor.class, NotStartingLifecycleProcessor::new);
	}

	@Test
	void hordeBackendReplacesTheLocalOne() {
		runner().run((context) -> {
			assertThat(context).hasSingleBean(HordeNode.class)
				.hasSingleBean(HordeProcessRegistry.class)
				.hasSingleBean(HordeAgentsSupervisor.class)
				.hasSingleBean(HordeFileSystemSupervisor.class)
				.hasSingleBean(HordeClusterView.class)
				.hasSingleBean(SagentsSupervisor.class)
				.hasSingleBean(AgentSession.class)
				.doesNotHaveBean(LocalProcessRegistry.class)
				.doesNotHaveBean(LocalAgentsSupervisor.class)
				.doesNotHaveBean(LocalFileSystemSupervisor.class)
				.doesNotHaveBean(LocalClusterView.class);
			assertThat(context.getBean(FileSystemStore.class)).isInstanceOf(DiskFileSystemStore.class);
			assertThat(context.getBean(HordeSettings.class))
				.isEqualTo(new HordeSettings("n1", MembersMode.AUTO, null, Duration.ofSeconds(10), Duration.ofSeconds(1)));
		});
	}

	@Test
	void theActuatorEndpointDrainsAndInspectsThroughTheHordeNode() {
		runner().withConfiguration(AutoConfigurations.of(SagentsEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=sagents")
			.run((context) -> {
				assertThat(context).hasSingleBean(HordeNodeDrain.class).hasSingleBean(SagentsEndpoint.class);
				assertThat(context.getBean(SagentsEndpoint.class).process("agents", "a1").getStatus())
					.as("before the node joined")
					.isEqualTo(WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
				assertThat(context.getBean(SagentsEndpoint.class).act("drain").getStatus()).as("before the node joined")
					.isEqualTo(409);
			});
	}

	@Test
	void subscribingBeforeTheNodeJoinedIsRefusedAsUnavailable() {
		runner().run((context) -> assertThatExceptionOfType(RegistryUnavailableException.class)
			.isThrownBy(() -> context.getBean(AgentsSupervisor.class).subscribe("a1", (event) -> {
			}))
			.satisfies((ex) -> assertThat(ex.state()).isEqualTo(RegistryState.STARTING)));
	}

	@Test
	void withoutAnApplicationInstanceSagentsOwnsItsMember() {
		runner().run((context) -> {
			HazelcastMemberProvider members = context.getBean(HazelcastMemberProvider.class);
			assertThat(members).isInstanceOf(OwnedHazelcastMemberProvider.class);
			Config config = ((OwnedHazelcastMemberProvider) members).config();
			assertThat(config.getClusterName()).isEqualTo("sagents");
			assertThat(config.getInstanceName()).isEqualTo("sagents-n1");
		});
	}

	@Test
	void theMemberSagentsStartsIsInTheClusterOfTheApplicationsName() {
		runner().withPropertyValues("spring.application.name=orders").run((context) -> {
			Config config = ((OwnedHazelcastMemberProvider) context.getBean(HazelcastMemberProvider.class)).config();
			assertThat(config.getClusterName()).isEqualTo("sagents-orders");
		});
		runner().withPropertyValues("spring.application.name=orders", "sagents.horde.cluster-name=shared")
			.run((context) -> assertThat(
					((OwnedHazelcastMemberProvider) context.getBean(HazelcastMemberProvider.class)).config().getClusterName())
				.as("an explicit cluster name wins")
				.isEqualTo("shared"));
	}

	@Test
	void membersAutoRunsOnTheApplicationsInstance() {
		HazelcastInstance application = mock(HazelcastInstance.class);
		given(application.getConfig()).willReturn(new Config());
		runner().withBean(HazelcastInstance.class, () -> application).run((context) -> {
			HazelcastMemberProvider members = context.getBean(HazelcastMemberProvider.class);
			assertThat(members).isInstanceOf(ApplicationHazelcastMemberProvider.class);
			assertThat(members.start()).isSameAs(application);
		});
	}

	@Test
	void severalApplicationInstancesWithoutAPrimaryLeaveSagentsItsOwnMember() {
		runner().withBean("first", HazelcastInstance.class, () -> mock(HazelcastInstance.class))
			.withBean("second", HazelcastInstance.class, () -> mock(HazelcastInstance.class))
			.run((context) -> assertThat(context.getBean(HazelcastMemberProvider.class))
				.isInstanceOf(OwnedHazelcastMemberProvider.class));
	}

	@Test
	void participationOwnsItsMemberEvenBesideAnApplicationInstance() {
		runner().withBean(HazelcastInstance.class, () -> mock(HazelcastInstance.class))
			.withPropertyValues("sagents.horde.members=participation", "sagents.horde.partition=ord",
					"sagents.horde.request-timeout=3s", "sagents.horde.silent-connection-timeout=2s",
					"sagents.horde.max-message-size=256KB")
			.run((context) -> {
				HazelcastMemberProvider members = context.getBean(HazelcastMemberProvider.class);
				assertThat(members).isInstanceOf(OwnedHazelcastMemberProvider.class);
				assertThat(((OwnedHazelcastMemberProvider) members).config().getClusterName()).isEqualTo("sagents-ord");
				assertThat(context.getBean(HordeSettings.class))
					.isEqualTo(new HordeSettings("n1", MembersMode.PARTICIPATION, "ord", Duration.ofSeconds(3),
							Duration.ofSeconds(2), 256 * 1024, HordeSettings.Rebalance.PASSIVE));
			});
	}

	@Test
	void theRebalancePropertiesReachTheNodesSettings() {
		runner().run((context) -> assertThat(context.getBean(HordeSettings.class).rebalance())
			.isEqualTo(new HordeSettings.Rebalance(RebalanceMode.PASSIVE, 250, Duration.ofMillis(20))));
		runner().withPropertyValues("sagents.horde.rebalance=active", "sagents.horde.rebalance-batch-size=100",
				"sagents.horde.rebalance-interval=5ms")
			.run((context) -> assertThat(context.getBean(HordeSettings.class).rebalance())
				.isEqualTo(new HordeSettings.Rebalance(RebalanceMode.ACTIVE, 100, Duration.ofMillis(5))));
	}

	@Test
	void customizersChangeTheOwnedMembersConfigInOrderAfterTheProperties() {
		runner().withPropertyValues("sagents.horde.cluster-name=agents")
			.withBean("late", SagentsHazelcastConfigCustomizer.class, () -> new RecordingCustomizer("late", 2))
			.withBean("early", SagentsHazelcastConfigCustomizer.class, () -> new RecordingCustomizer("early", 1))
			.run((context) -> {
				Config config = ((OwnedHazelcastMemberProvider) context.getBean(HazelcastMemberProvider.class)).config();
				assertThat(config.getProperty(RecordingCustomizer.PROPERTY)).isEqualTo("agents,early,late");
			});
	}

	@Test
	void userBeansReplaceOurs() {
		HazelcastMemberProvider members = new OwnedHazelcastMemberProvider(new Config());
		HordeSettings settings = new HordeSettings("elsewhere", MembersMode.AUTO, null, Duration.ofSeconds(1),
				Duration.ofSeconds(1));
		ClusterView view = mock(ClusterView.class);
		runner().withBean(HazelcastMemberProvider.class, () -> members)
			.withBean(HordeSettings.class, () -> settings)
			.withBean(ClusterView.class, () -> view)
			.run((context) -> {
				assertThat(context.getBean(HazelcastMemberProvider.class)).isSameAs(members);
				assertThat(context.getBean(HordeSettings.class)).isSameAs(settings);
				assertThat(context.getBean(ClusterView.class)).isSameAs(view);
				assertThat(context).doesNotHaveBean(HordeClusterView.class);
			});
	}

	@Test
	void disabledSupervisorMakesTheNodeAProxyWhoseOwnMemberHoldsNoData() {
		runner().withPropertyValues("sagents.supervisor.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(SagentsSupervisor.class)
				.hasSingleBean(HordeAgentsSupervisor.class)
				.hasSingleBean(HordeProxyLifecycle.class);
			assertThat(context.getBean(HordeProxyLifecycle.class).getPhase()).isEqualTo(SagentsSupervisor.PHASE);
			assertThat(context.getBean(OwnedHazelcastMemberProvider.class).config().isLiteMember()).isTrue();
		});
	}

	@Test
	void aHostingNodeIsNoProxyAndItsOwnMemberHoldsData() {
		runner().run((context) -> {
			assertThat(context).hasSingleBean(SagentsSupervisor.class).doesNotHaveBean(HordeProxyLifecycle.class);
			assertThat(context.getBean(OwnedHazelcastMemberProvider.class).config().isLiteMember()).isFalse();
		});
	}

	@Test
	void aSupervisorTheApplicationDeclaresMakesTheNodeHostDespiteTheDisabledOne() {
		runner().withPropertyValues("sagents.supervisor.enabled=false")
			.withUserConfiguration(ApplicationSupervisor.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(SagentsSupervisor.class).doesNotHaveBean(HordeProxyLifecycle.class);
				assertThat(context.getBean(OwnedHazelcastMemberProvider.class).config().isLiteMember()).isFalse();
			});
	}

	@Test
	void membersAutoTurnsOffTheShutdownHookOfTheApplicationsMemberUnlessItsConfigSetsIt() {
		runner().run((context) -> {
			HazelcastConfigCustomizer customizer = context.getBean("sagentsShutdownHookHazelcastConfigCustomizer",
					HazelcastConfigCustomizer.class);
			Config unset = new Config();
			customizer.customize(unset);
			assertThat(unset.getProperty("hazelcast.shutdownhook.enabled")).isEqualTo("false");
			Config explicit = new Config().setProperty("hazelcast.shutdownhook.enabled", "true");
			customizer.customize(explicit);
			assertThat(explicit.getProperty("hazelcast.shutdownhook.enabled")).isEqualTo("true");
		});
	}

	@Test
	void membersAutoNamesTheApplicationsMemberAfterTheNode() {
		runner().run((context) -> {
			Config config = new Config();
			context.getBean("sagentsNodeNameHazelcastConfigCustomizer", HazelcastConfigCustomizer.class).customize(config);
			assertThat(config.getMemberAttributeConfig().getAttribute(HordeStructures.NODE_NAME_ATTRIBUTE))
				.isEqualTo("n1");
		});
	}

	@Test
	void participationLeavesTheApplicationsMemberAlone() {
		runner().withPropertyValues("sagents.horde.members=participation")
			.run((context) -> assertThat(context).doesNotHaveBean(HazelcastConfigCustomizer.class));
	}

	@Test
	void localModeHasNoHordeBeans() {
		runner().withPropertyValues("sagents.distribution=local").run((context) -> assertThat(context)
			.doesNotHaveBean(HazelcastMemberProvider.class)
			.doesNotHaveBean(HordeNode.class)
			.doesNotHaveBean(HazelcastConfigCustomizer.class)
			.hasSingleBean(LocalProcessRegistry.class));
	}

	@Test
	void defaultNodeNameTellsNodesOnOneHostApartByServerPortElsePid() throws Exception {
		ApplicationContextRunner unnamed = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SagentsAutoConfiguration.class))
			.withPropertyValues("sagents.distribution=horde", "sagents.filesystem.base-directory=" + this.baseDirectory)
			.withBean("lifecycleProcessor", LifecycleProcessor.class, NotStartingLifecycleProcessor::new);
		String host = InetAddress.getLocalHost().getHostName();
		unnamed.withPropertyValues("server.port=8081")
			.run((context) -> assertThat(context.getBean(HordeSettings.class).nodeName()).isEqualTo(host + ":8081"));
		unnamed.withPropertyValues("server.port=0")
			.run((context) -> assertThat(context.getBean(HordeSettings.class).nodeName())
				.isEqualTo(host + ":" + ProcessHandle.current().pid()));
		unnamed.run((context) -> assertThat(context.getBean(HordeSettings.class).nodeName())
			.isEqualTo(host + ":" + ProcessHandle.current().pid()));
	}

	@Test
	void defaultCodecIsJsonTrustingTheStateTypesAndTheConfiguredPackages() {
		runner().withBean("notes", AgentBehavior.class, NoteTakingAgent::new)
			.withBean("counter", AgentBehavior.class, () -> new CountingAgent("counter"))
			.withPropertyValues("sagents.codec.trusted-packages=dev.sagents.horde")
			.run((context) -> {
				MessageCodec codec = context.getBean(MessageCodec.class);
				assertThat(codec).isInstanceOf(JsonMessageCodec.class);
				Note note = new Note("groceries", List.of("home"), null, Priority.LOW, Instant.EPOCH);
				assertThat(codec.decode(codec.encode(note))).isEqualTo(note);
				HordeSettings settings = new HordeSettings("n1", MembersMode.AUTO, null, Duration.ofSeconds(1),
						Duration.ofSeconds(1));
				assertThat(codec.decode(codec.encode(settings))).isEqualTo(settings);
				assertThat(codec.decode(codec.encode(41))).isEqualTo(41);
				assertThatExceptionOfType(MessageEncodingException.class)
					.isThrownBy(() -> codec.encode(new Greeting("hello")))
					.withMessageContaining("not trusted");
				assertThatExceptionOfType(UntrustedTypeException.class).isThrownBy(
						() -> codec.decode(new EncodedValue(Greeting.class.getName(), new byte[] { '{', '}' })));
			});
	}

	@Test
	void defaultCodecTrustsTheApplicationsAutoConfigurationPackages() {
		runner().withUserConfiguration(ApplicationPackage.class).run((context) -> {
			MessageCodec codec = context.getBean(MessageCodec.class);
			assertThat(codec.decode(codec.encode(new Greeting("hello")))).isEqualTo(new Greeting("hello"));
		});
	}

	@Test
	void userCodecReplacesOurs() {
		MessageCodec own = mock(MessageCodec.class);
		runner().withBean(MessageCodec.class, () -> own)
			.run((context) -> assertThat(context.getBean(MessageCodec.class)).isSameAs(own));
	}

	@Test
	void compactFormatWritesTheClassesOfTheSerializerBeansAsCompact() {
		runner().withPropertyValues("sagents.codec.format=compact")
			.withBean("lineSerializer", CompactSerializer.class, LineSerializer::new)
			.run((context) -> {
				MessageCodec codec = context.getBean(MessageCodec.class);
				assertThat(codec).isInstanceOf(CompactMessageCodec.class);
				Line line = new Line("sku-1", 3, new BigDecimal("4.20"));

				EncodedValue encoded = codec.encode(line);

				assertThat(encoded.type()).isEqualTo("compact:" + LineSerializer.TYPE_NAME);
				assertThat(codec.decode(encoded)).isEqualTo(line);
			});
	}

	@Test
	void compactFormatHandsEveryOtherValueToJsonWithItsTrustedPackages() {
		runner().withPropertyValues("sagents.codec.format=compact",
				"sagents.codec.trusted-packages=dev.sagents.codec.notes")
			.withBean("lineSerializer", CompactSerializer.class, LineSerializer::new)
			.run((context) -> {
				MessageCodec codec = context.getBean(MessageCodec.class);
				Note note = new Note("groceries", List.of("home"), null, Priority.LOW, Instant.EPOCH);

				assertThat(codec.encode(note).type()).isEqualTo(Note.class.getName());
				assertThat(codec.decode(codec.encode(note))).isEqualTo(note);
				assertThat(codec.decode(codec.encode(41))).isEqualTo(41);
				assertThatExceptionOfType(UntrustedTypeException.class)
					.isThrownBy(() -> codec.decode(new EncodedValue("dev.sagents.horde.HordeSettings", EMPTY_OBJECT)));
			});
	}

	@Test
	void compactFormatWithoutSerializersEncodesEverythingAsJson() {
		runner().withPropertyValues("sagents.codec.format=compact",
				"sagents.codec.trusted-packages=dev.sagents.codec.orders")
			.run((context) -> {
				MessageCodec codec = context.getBean(MessageCodec.class);
				assertThat(codec).isInstanceOf(CompactMessageCodec.class);
				Line line = new Line("sku-1", 3, BigDecimal.ONE);

				assertThat(codec.encode(line).type()).isEqualTo(Line.class.getName());
				assertThat(codec.decode(codec.encode(line))).isEqualTo(line);
			});
	}

	@Test
	void jsonStaysTheDefaultEvenWhenEmptyAndIgnoresSerializerBeans() {
		for (String[] format : List.of(new String[0], new String[] { "sagents.codec.format=json" },
				new String[] { "sagents.codec.format=" })) {
			runner().withPropertyValues(format)
				.withPropertyValues("sagents.codec.trusted-packages=dev.sagents.codec.orders")
				.withBean("lineSerializer", CompactSerializer.class, LineSerializer::new)
				.run((context) -> {
					MessageCodec codec = context.getBean(MessageCodec.class);
					assertThat(codec).isInstanceOf(JsonMessageCodec.class);
					assertThat(context.getBean(SagentsProperties.class).getCodec().getFormat())
						.isEqualTo(CodecProperties.CodecFormat.JSON);
					Line line = new Line("sku-1", 3, BigDecimal.ONE);
					assertThat(codec.encode(line).type()).isEqualTo(Line.class.getName());
					assertThat(codec.decode(codec.encode(line))).isEqualTo(line);
				});
		}
	}

	@Test
	void userCodecReplacesTheCompactOne() {
		MessageCodec own = mock(MessageCodec.class);
		runner().withPropertyValues("sagents.codec.format=compact")
			.withBean("lineSerializer", CompactSerializer.class, LineSerializer::new)
			.withBean(MessageCodec.class, () -> own)
			.run((context) -> assertThat(context.getBean(MessageCodec.class)).isSameAs(own));
	}

	@Test
	void twoSerializersOfOneClassStopStartup() {
		runner().withPropertyValues("sagents.codec.format=compact")
			.withBean("lineSerializer", CompactSerializer.class, LineSerializer::new)
			.withBean("otherLineSerializer", CompactSerializer.class, LineSerializer::new)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("Two Compact serializers for class " + Line.class.getName()));
	}

	/** A message type of this test's package, trusted only as an auto-configuration package. */
	record Greeting(String text) {
	}

	/** What {@code @SpringBootApplication} in this test's package would register. */
	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage
	static class ApplicationPackage {

	}

	/** An agent whose state is a {@link Note}, so that notes' package is trusted. */
	static final class NoteTakingAgent extends TestAgent<Note> {

		NoteTakingAgent() {
			super(Note.class, new Note("", List.of(), null, Priority.LOW, Instant.EPOCH));
		}

		@Override
		public AgentResult<Note> handle(Note state, Object message, AgentContext context) {
			return AgentResult.reply(state, state.title());
		}

	}

	/** Appends its name to a property that starts as the cluster name, so the order of calls shows. */
	static final class RecordingCustomizer implements SagentsHazelcastConfigCustomizer, Ordered {

		static final String PROPERTY = "test.customized.by";

		private final String name;

		private final int order;

		RecordingCustomizer(String name, int order) {
			this.name = name;
			this.order = order;
		}

		@Override
		public void customize(Config config) {
			String before = config.getProperty(PROPERTY);
			config.setProperty(PROPERTY, ((before != null) ? before : config.getClusterName()) + "," + this.name);
		}

		@Override
		public int getOrder() {
			return this.order;
		}

	}

	/** Refreshes the context without starting its lifecycle beans: the horde supervisor never starts here. */
	static final class NotStartingLifecycleProcessor implements LifecycleProcessor {

		@Override
		public void onRefresh() {
		}

		@Override
		public void onClose() {
		}

		@Override
		public void start() {
		}

		@Override
		public void stop() {
		}

		@Override
		public boolean isRunning() {
			return false;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationSupervisor {

		@Bean
		SagentsSupervisor workerSupervisor(HordeProcessRegistry registry, HordeAgentsSupervisor agents,
				HordeFileSystemSupervisor fileSystems) {
			return new SagentsSupervisor(registry, agents, fileSystems);
		}

	}

}
