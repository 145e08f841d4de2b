package dev.sagents.autoconfigure;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;

import com.hazelcast.core.HazelcastInstance;
import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentBehaviorResolver;
import dev.sagents.agent.AgentPersistence;
import dev.sagents.agent.AgentSession;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.agent.NamedAgentBehaviorResolver;
import dev.sagents.cluster.ClusterView;
import dev.sagents.cluster.Member;
import dev.sagents.cluster.MemberStatus;
import dev.sagents.cluster.SagentsInstance;
import dev.sagents.filesystem.DiskFileSystemPersistence;
import dev.sagents.filesystem.FileSystemPersistence;
import dev.sagents.local.LocalAgentsSupervisor;
import dev.sagents.local.LocalClusterView;
import dev.sagents.local.LocalFileSystemSupervisor;
import dev.sagents.local.LocalProcessRegistry;
import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.persistence.FileSystemStore;
import dev.sagents.persistence.disk.DiskFileSystemStore;
import dev.sagents.registry.ProcessRegistry;
import dev.sagents.registry.RegistryState;
import dev.sagents.registry.RegistryUnavailableException;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.supervisor.SagentsSupervisor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Which beans sagents auto-configures, and when it backs off. */
class SagentsAutoConfigurationTests {

	@TempDir
	Path baseDirectory;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SagentsAutoConfiguration.class))
			.withPropertyValues("sagents.node-name=n1", "sagents.filesystem.base-directory=" + this.baseDirectory);
	}

	@Test
	void localBackendIsConfiguredByDefaultAndStartsHosting() {
		runner().withBean("notes", AgentBehavior.class, () -> new CountingAgent("notes")).run((context) -> {
			assertThat(context).hasSingleBean(LocalProcessRuntime.class)
				.hasSingleBean(ProcessFailureLog.class)
				.hasSingleBean(AgentBehaviorResolver.class)
				.hasSingleBean(AgentSession.class)
				.hasSingleBean(LocalProcessRegistry.class)
				.hasSingleBean(LocalAgentsSupervisor.class)
				.hasSingleBean(LocalFileSystemSupervisor.class)
				.hasSingleBean(LocalClusterView.class)
				.hasSingleBean(SagentsSupervisor.class);
			assertThat(context.getBean(FileSystemStore.class)).isInstanceOf(DiskFileSystemStore.class);
			assertThat(context.getBean("sagentsExecutor")).isInstanceOf(ExecutorService.class);
			assertThat(context.getBean(ProcessRegistry.class).state()).isEqualTo(RegistryState.RUNNING);
			ClusterView view = context.getBean(ClusterView.class);
			assertThat(view.localNode()).isEqualTo("n1");
			assertThat(view.members().get(SagentsInstance.REGISTRY)).containsExactly(new Member("n1", MemberStatus.ALIVE));
			String reply = context.getBean(AgentSession.class)
				.ensureRunning(AgentSpec.of("alice"))
				.callAndWait("hello", String.class, Duration.ofSeconds(5));
			assertThat(reply).isEqualTo("notes:1");
		});
	}

	@Test
	void nodeNameDefaultsToTheHostName() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SagentsAutoConfiguration.class))
			.run((context) -> assertThat(context.getBean(ClusterView.class).localNode())
				.isEqualTo(InetAddress.getLocalHost().getHostName()));
	}

	@Test
	void disabledSupervisorLeavesTheNodeHostingNothing() {
		runner().withPropertyValues("sagents.supervisor.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(SagentsSupervisor.class).hasSingleBean(AgentsSupervisor.class);
			assertThat(context.getBean(ProcessRegistry.class).state()).isEqualTo(RegistryState.STARTING);
			assertThat(context.getBean(ClusterView.class).members().get(SagentsInstance.AGENTS_SUPERVISOR))
				.containsExactly(new Member("n1", MemberStatus.UNINITIALIZED));
			assertThatExceptionOfType(RegistryUnavailableException.class)
				.isThrownBy(() -> context.getBean(AgentsSupervisor.class).countAgents());
		});
	}

	@Test
	void userGatedSupervisorRunsOnlyWhereItsProfileIsActive() {
		ApplicationContextRunner gated = runner().withPropertyValues("sagents.supervisor.enabled=false")
			.withUserConfiguration(WorkerOnlySupervisor.class);
		gated.withPropertyValues("spring.profiles.active=worker").run((context) -> {
			assertThat(context).hasSingleBean(SagentsSupervisor.class);
			assertThat(context.getBean(ProcessRegistry.class).state()).isEqualTo(RegistryState.RUNNING);
		});
		gated.run((context) -> {
			assertThat(context).doesNotHaveBean(SagentsSupervisor.class);
			assertThat(context.getBean(ProcessRegistry.class).state()).isEqualTo(RegistryState.STARTING);
		});
	}

	@Test
	void userSupervisorReplacesOurs() {
		runner().withUserConfiguration(WorkerOnlySupervisor.class)
			.withPropertyValues("spring.profiles.active=worker")
			.run((context) -> assertThat(context).hasSingleBean(SagentsSupervisor.class)
				.hasBean("workerSupervisor")
				.doesNotHaveBean("sagentsSupervisor"));
	}

	@Test
	void hordeWithoutHazelcastFailsStartupNamingWhatIsNeeded() {
		runner().withPropertyValues("sagents.distribution=horde")
			.withClassLoader(new FilteredClassLoader(HazelcastInstance.class))
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new SagentsPropertiesFailureAnalyzer(null)
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Property: sagents.distribution")
					.contains("Value: \"horde\"")
					.contains("horde mode needs com.hazelcast:hazelcast on the classpath");
			});
	}

	@Test
	void userBeansReplaceOurs() {
		ProcessFailureLog failures = new ProcessFailureLog(5);
		AgentBehaviorResolver resolver = (type) -> new CountingAgent("custom");
		FileSystemPersistence persistence = new DiskFileSystemPersistence(this.baseDirectory.resolve("own"));
		LocalProcessRegistry registry = new LocalProcessRegistry();
		runner().withBean(ProcessFailureLog.class, () -> failures)
			.withBean(AgentBehaviorResolver.class, () -> resolver)
			.withBean(FileSystemPersistence.class, () -> persistence)
			.withBean(LocalProcessRegistry.class, () -> registry)
			.withBean(ClusterView.class, () -> new LocalClusterView("elsewhere", registry))
			.run((context) -> {
				assertThat(context.getBean(ProcessFailureLog.class)).isSameAs(failures);
				assertThat(context.getBean(AgentBehaviorResolver.class)).isSameAs(resolver);
				assertThat(context.getBean(FileSystemPersistence.class)).isSameAs(persistence);
				assertThat(context.getBean(LocalProcessRegistry.class)).isSameAs(registry);
				assertThat(context.getBean(ClusterView.class).localNode()).isEqualTo("elsewhere");
				assertThat(registry.state()).isEqualTo(RegistryState.RUNNING);
			});
	}

	@Test
	void userAgentPersistenceIsUsed() {
		AgentPersistence stored = new AgentPersistence() {

			@Override
			public void persistState(String agentId, Object state, PersistencePoint point) {
			}

			@Override
			public <S> Optional<S> loadState(String agentId, Class<S> stateType) {
				return Optional.of(stateType.cast(41));
			}

		};
		runner().withBean("notes", AgentBehavior.class, () -> new CountingAgent("notes"))
			.withBean(AgentPersistence.class, () -> stored)
			.run((context) -> assertThat(context.getBean(AgentSession.class)
				.ensureRunning(AgentSpec.of("alice"))
				.callAndWait("hello", String.class, Duration.ofSeconds(5))).isEqualTo("notes:42"));
	}

	@Test
	void defaultAgentTypeIsTheConfiguredOneThenThePrimaryThenTheOnlyOne() {
		ApplicationContextRunner two = runner().withBean("a", AgentBehavior.class, () -> new CountingAgent("a"))
			.withBean("b", AgentBehavior.class, () -> new CountingAgent("b"));
		two.withPropertyValues("sagents.agents.default-type=b")
			.run((context) -> assertThat(defaultType(context.getBean(AgentBehaviorResolver.class))).isEqualTo("b"));
		two.withBean("c", AgentBehavior.class, () -> new CountingAgent("c"), (definition) -> definition.setPrimary(true))
			.run((context) -> assertThat(defaultType(context.getBean(AgentBehaviorResolver.class))).isEqualTo("c"));
		two.run((context) -> assertThat(defaultType(context.getBean(AgentBehaviorResolver.class))).isNull());
		runner().withBean("only", AgentBehavior.class, () -> new CountingAgent("only"))
			.run((context) -> assertThat(defaultType(context.getBean(AgentBehaviorResolver.class))).isEqualTo("only"));
	}

	@Test
	void unknownDefaultAgentTypeFailsStartupListingTheTypes() {
		runner().withBean("notes", AgentBehavior.class, () -> new CountingAgent("notes"))
			.withPropertyValues("sagents.agents.default-type=nots")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new SagentsPropertiesFailureAnalyzer(null).analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Property: sagents.agents.default-type")
					.contains("Value: \"nots\"")
					.contains("Allowed: the bean name of an AgentBehavior: notes");
			});
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void executorIsAForkJoinPoolBeforeJava21AndShutDownWithTheContext() {
		AtomicReference<ExecutorService> executor = new AtomicReference<>();
		runner().withPropertyValues("sagents.runtime.parallelism=3").run((context) -> {
			executor.set(context.getBean("sagentsExecutor", ExecutorService.class));
			assertThat(executor.get()).isInstanceOfSatisfying(ForkJoinPool.class,
					(pool) -> assertThat(pool.getParallelism()).isEqualTo(3));
		});
		assertThat(executor.get().isShutdown()).isTrue();
	}

	@Test
	void mailboxCapacityDefaultsToTenThousandAndFollowsTheProperty() {
		runner().run((context) -> assertThat(context.getBean(LocalProcessRuntime.class).mailboxCapacity())
			.isEqualTo(10_000));
		runner().withPropertyValues("sagents.agents.mailbox-capacity=250")
			.run((context) -> assertThat(context.getBean(LocalProcessRuntime.class).mailboxCapacity()).isEqualTo(250));
	}

	@Test
	void userExecutorIsUsedAndLeftRunning() {
		ExecutorService own = Executors.newSingleThreadExecutor();
		try {
			runner()
				.withBean("sagentsExecutor", ExecutorService.class, () -> own,
						(definition) -> definition.setDestroyMethodName(""))
				.run((context) -> assertThat(context.getBean(LocalProcessRuntime.class).executor()).isSameAs(own));
			assertThat(own.isShutdown()).isFalse();
		}
		finally {
			own.shutdown();
		}
	}

	@Test
	void springBootsApplicationTaskExecutorSurvivesOurExecutor() {
		runner().withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.run((context) -> assertThat(context).hasBean("applicationTaskExecutor").hasBean("sagentsExecutor"));
	}

	private static String defaultType(AgentBehaviorResolver resolver) {
		return ((NamedAgentBehaviorResolver) resolver).defaultType();
	}

	@Configuration(proxyBeanMethods = false)
	static class WorkerOnlySupervisor {

		@Bean
		@Profile("worker")
		SagentsSupervisor workerSupervisor(LocalProcessRegistry registry, LocalAgentsSupervisor agents,
				LocalFileSystemSupervisor fileSystems) {
			return new SagentsSupervisor(registry, agents, fileSystems);
		}

	}

}
