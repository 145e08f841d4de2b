package dev.sagents.autoconfigure.actuate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sagents.actuate.AgentOperations.AgentDescriptor;
import dev.sagents.actuate.FileSystemOperations;
import dev.sagents.actuate.FileSystemOperations.FileSystemDescriptor;
import dev.sagents.actuate.SagentsEndpoint;
import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.autoconfigure.SagentsAutoConfiguration;
import dev.sagents.filesystem.FileSystemPersistence;
import dev.sagents.filesystem.FileSystemRef;
import dev.sagents.filesystem.FileSystemSupervisor;
import dev.sagents.process.ProcessKey;
import dev.sagents.registry.ProcessRegistry;
import dev.sagents.registry.RegistryState;
import dev.sagents.supervisor.ProcessFailureLog;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the {@code sagents} endpoint does with one agent, one file system and this node, in local mode. */
class SagentsEndpointOperationsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	@TempDir
	Path baseDirectory;

	private final Gate gate = new Gate();

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SagentsAutoConfiguration.class,
					SagentsEndpointAutoConfiguration.class))
			.withBean("gate", AgentBehavior.class, () -> this.gate)
			.withBean(ApplicationAvailabilityBean.class)
			.withPropertyValues("sagents.node-name=n1", "sagents.filesystem.base-directory=" + this.baseDirectory,
					"sagents.agents.restart.max-restarts=1", "management.endpoints.web.exposure.include=sagents");
	}

	@Test
	void anAgentShowsItsNodeStatusMailboxDepthAndLastCrash() {
		runner().run((context) -> {
			AgentRef agent = context.getBean(AgentsSupervisor.class).startAgent(new AgentSpec("a", "gate", null, Map.of()))
				.ref();
			SagentsEndpoint endpoint = context.getBean(SagentsEndpoint.class);
			AgentDescriptor fresh = (AgentDescriptor) endpoint.process("agents", "a").getBody();
			assertThat(fresh).isEqualTo(new AgentDescriptor("a", "n1", "idle", 0, 0, null));
			agent.cast("fail");
			await().atMost(TIMEOUT).until(() -> descriptor(endpoint, "a").lastError() != null);
			assertThat(descriptor(endpoint, "a").lastError().message())
				.isEqualTo("java.lang.IllegalStateException: asked to fail");
			agent.cast("hold");
			agent.cast("one");
			agent.cast("two");
			agent.cast("three");
			await().atMost(TIMEOUT).until(() -> descriptor(endpoint, "a").mailboxDepth() == 3);
			assertThat(descriptor(endpoint, "a").status()).isEqualTo("running");
			this.gate.open();
			await().atMost(TIMEOUT).until(() -> descriptor(endpoint, "a").mailboxDepth() == 0);
		});
	}

	@Test
	void anAgentThatDoesNotRunOrAPathNoOperationHasIsNotFound() {
		runner().run((context) -> {
			SagentsEndpoint endpoint = context.getBean(SagentsEndpoint.class);
			assertThat(endpoint.process("agents", "nobody").getStatus()).isEqualTo(WebEndpointResponse.STATUS_NOT_FOUND);
			assertThat(endpoint.process("agents", "not a valid id!").getStatus())
				.isEqualTo(WebEndpointResponse.STATUS_NOT_FOUND);
			assertThat(endpoint.process("robots", "a").getStatus()).isEqualTo(WebEndpointResponse.STATUS_NOT_FOUND);
			assertThat(endpoint.act("explode").getStatus()).isEqualTo(WebEndpointResponse.STATUS_NOT_FOUND);
		});
	}

	@Test
	void aStoppedAgentIsGoneAndASecondStopFindsNothing() {
		runner().run((context) -> {
			context.getBean(AgentsSupervisor.class).startAgent(new AgentSpec("a", "gate", null, Map.of()));
			SagentsEndpoint endpoint = context.getBean(SagentsEndpoint.class);
			assertThat(endpoint.stopProcess("agents", "a").getStatus()).isEqualTo(WebEndpointResponse.STATUS_OK);
			assertThat(context.getBean(AgentsSupervisor.class).findAgent("a")).isEmpty();
			assertThat(endpoint.stopProcess("agents", "a").getStatus()).isEqualTo(WebEndpointResponse.STATUS_NOT_FOUND);
		});
	}

	@Test
	void anAgentGivenUpStartsAgainFromItsSpecAndOneThatWasNotIsNotFound() {
		runner().run((context) -> {
			AgentsSupervisor agents = context.getBean(AgentsSupervisor.class);
			AgentSpec spec = new AgentSpec("a", "gate", null, Map.of("k", "v"));
			SagentsEndpoint endpoint = context.getBean(SagentsEndpoint.class);
			agents.startAgent(spec);
			assertThat(endpoint.restartProcess("agents", "a").getStatus()).as("running, not given up")
				.isEqualTo(WebEndpointResponse.STATUS_NOT_FOUND);
			ProcessFailureLog failures = context.getBean(ProcessFailureLog.class);
			await().atMost(TIMEOUT).untilAsserted(() -> {
				agents.findAgent("a").ifPresent((agent) -> agent.cast("fail"));
				assertThat(failures.latest(ProcessKey.agent("a"))).isPresent();
			});
			assertThat(agents.findAgent("a")).isEmpty();
			WebEndpointResponse<Object> restarted = endpoint.restartProcess("agents", "a");
			assertThat(restarted.getStatus()).isEqualTo(WebEndpointResponse.STATUS_OK);
			assertThat(restarted.getBody()).isEqualTo(Map.of("id", "a", "node", "n1", "alreadyStarted", false));
			assertThat(agents.listAgents()).singleElement()
				.satisfies((info) -> assertThat(info.type()).as("started from its spec").isEqualTo("gate"));
		});
	}

	@Test
	void drainIsRefusedInLocalModeAndTheNodeKeepsServing() {
		runner().run((context) -> {
			SagentsEndpoint endpoint = context.getBean(SagentsEndpoint.class);
			WebEndpointResponse<Object> refused = endpoint.act("drain");
			assertThat(refused.getStatus()).isEqualTo(409);
			assertThat(refused.getBody()).asString().contains("drain needs sagents.distribution=horde");
			assertThat(context.getBean(ProcessRegistry.class).state()).isEqualTo(RegistryState.RUNNING);
			assertThat(context.getBean(ApplicationAvailability.class).getLastChangeEvent(ReadinessState.class))
				.as("no readiness change announced")
				.isNull();
		});
	}

	@Test
	void aFileSystemShowsItsNodeEpochFilesSizeAndStoreAndANewActivationANewerEpoch() {
		runner().run((context) -> {
			FileSystemSupervisor fileSystems = context.getBean(FileSystemSupervisor.class);
			FileSystemRef alice = fileSystems.ensureFileSystem("user:alice");
			alice.writeText("notes/b.md", "bb");
			alice.writeText("a.md", "a");
			SagentsEndpoint endpoint = context.getBean(SagentsEndpoint.class);
			WebEndpointResponse<Object> found = endpoint.process("filesystems", "user:alice");
			assertThat(found.getStatus()).isEqualTo(WebEndpointResponse.STATUS_OK);
			assertThat(found.getBody()).isEqualTo(new FileSystemDescriptor("user:alice", "n1", 1, 2, 3,
					List.of("a.md", "notes/b.md"), false, "disk"));

			assertThat(fileSystems.stopFileSystem("user:alice")).isTrue();
			fileSystems.ensureFileSystem("user:alice");
			assertThat(fileSystemDescriptor(endpoint, "user:alice").epoch()).as("claimed again by the new activation")
				.isEqualTo(2);
			assertThat(fileSystemDescriptor(endpoint, "user:alice").paths()).as("read back from the disk")
				.containsExactly("a.md", "notes/b.md");
		});
	}

	@Test
	void aFileSystemWithMoreFilesThanTheDescriptorNamesCountsThemAllAndSaysSo() {
		runner().run((context) -> {
			FileSystemRef many = context.getBean(FileSystemSupervisor.class).ensureFileSystem("project:7");
			int count = FileSystemOperations.MAX_PATHS + 1;
			for (int i = 0; i < count; i++) {
				many.writeText(String.format("f%03d.txt", i), "x");
			}
			FileSystemDescriptor descriptor = fileSystemDescriptor(context.getBean(SagentsEndpoint.class), "project:7");
			assertThat(descriptor.files()).isEqualTo(count);
			assertThat(descriptor.totalSize()).isEqualTo(count);
			assertThat(descriptor.paths()).hasSize(FileSystemOperations.MAX_PATHS).startsWith("f000.txt").endsWith("f099.txt");
			assertThat(descriptor.truncated()).isTrue();
		});
	}

	@Test
	void aFileSystemThatDoesNotRunIsNotFound() {
		runner().run((context) -> {
			SagentsEndpoint endpoint = context.getBean(SagentsEndpoint.class);
			assertThat(endpoint.process("filesystems", "user:nobody").getStatus())
				.isEqualTo(WebEndpointResponse.STATUS_NOT_FOUND);
			assertThat(endpoint.process("filesystems", "not a scope!").getStatus())
				.isEqualTo(WebEndpointResponse.STATUS_NOT_FOUND);
		});
	}

	@Test
	void theStoreShownIsTheConfiguredOneOrTheApplicationsOwn() {
		runner().withPropertyValues("sagents.persistence.store=none").run((context) -> {
			context.getBean(FileSystemSupervisor.class).ensureFileSystem("user:alice");
			assertThat(fileSystemDescriptor(context.getBean(SagentsEndpoint.class), "user:alice"))
				.satisfies((descriptor) -> assertThat(descriptor.store()).isEqualTo("none"))
				.satisfies((descriptor) -> assertThat(descriptor.epoch()).as("nothing fences").isZero());
		});
		runner().withBean(FileSystemPersistence.class, FileSystemPersistence::none).run((context) -> {
			context.getBean(FileSystemSupervisor.class).ensureFileSystem("user:alice");
			assertThat(fileSystemDescriptor(context.getBean(SagentsEndpoint.class), "user:alice").store())
				.isEqualTo("application");
		});
	}

	private static FileSystemDescriptor fileSystemDescriptor(SagentsEndpoint endpoint, String scope) {
		return (FileSystemDescriptor) endpoint.process("filesystems", scope).getBody();
	}

	private static AgentDescriptor descriptor(SagentsEndpoint endpoint, String id) {
		return (AgentDescriptor) endpoint.process("agents", id).getBody();
	}

}
