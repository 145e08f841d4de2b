package dev.sagents.local;

import java.util.Map;
import java.util.concurrent.ExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.sagents.agent.AgentPersistence;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.NamedAgentBehaviorResolver;
import dev.sagents.autoconfigure.HandlerExecutors;
import dev.sagents.cluster.DistributionMode;
import dev.sagents.cluster.Member;
import dev.sagents.cluster.MemberStatus;
import dev.sagents.cluster.MembersMode;
import dev.sagents.cluster.SagentsInstance;
import dev.sagents.persistence.AgentStorage;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.supervisor.ProcessFailureLog;

import static org.assertj.core.api.Assertions.assertThat;

/** What a local node says it hosts: the processes its registry holds. */
class LocalClusterViewTests {

	private final ExecutorService executor = HandlerExecutors.byDefault();

	private final LocalProcessRuntime runtime = new LocalProcessRuntime("n1", this.executor);

	private final LocalProcessRegistry registry = new LocalProcessRegistry();

	private final LocalAgentsSupervisor agents = new LocalAgentsSupervisor(this.runtime, this.registry,
			new NamedAgentBehaviorResolver(Map.of("counter", new CounterAgent()), null), AgentStorage.of(AgentPersistence.none()), null,
			AgentSettings.defaults(), new ProcessFailureLog(10));

	private final LocalClusterView view = new LocalClusterView("n1", this.registry);

	/** What the agents do as the node stops is not under test here: closing the runtime ends them. */
	@AfterEach
	void closeRuntime() {
		this.runtime.close();
		this.executor.shutdownNow();
	}

	@Test
	void hostsTheProcessesOfEachKindItsRegistryHolds() {
		startNode();
		this.agents.startAgent(AgentSpec.of("a1"));
		this.agents.startAgent(AgentSpec.of("a2"));
		assertThat(this.view.hostedHere(ProcessKind.AGENT)).containsExactlyInAnyOrder(ProcessKey.agent("a1"),
				ProcessKey.agent("a2"));
		assertThat(this.view.hostedHere(ProcessKind.FILESYSTEM)).isEmpty();
		this.agents.stopAgent("a1");
		assertThat(this.view.hostedHere(ProcessKind.AGENT)).containsExactly(ProcessKey.agent("a2"));
	}

	@Test
	void hostsNothingRatherThanFailingWhileTheRegistryIsUnavailable() {
		assertThat(this.view.hostedHere(ProcessKind.AGENT)).as("starting").isEmpty();
		startNode();
		this.agents.startAgent(AgentSpec.of("a1"));
		this.registry.drain();
		assertThat(this.view.hostedHere(ProcessKind.AGENT)).as("draining").isEmpty();
	}

	@Test
	void aLocalNodeIsTheOnlyMemberOfEachInstanceWithAStatusThatFollowsItsRegistry() {
		assertThat(this.view.distribution()).isEqualTo(DistributionMode.LOCAL);
		assertThat(this.view.membersMode()).isEqualTo(MembersMode.AUTO);
		assertThat(this.view.partition()).isEmpty();
		assertThat(this.view.localNode()).isEqualTo("n1");
		assertThat(this.view.liveNodes()).containsExactly("n1");
		assertThat(this.view.members()).containsOnlyKeys(SagentsInstance.values());
		assertOnlyMemberOfEachInstance(MemberStatus.UNINITIALIZED);
		startNode();
		assertOnlyMemberOfEachInstance(MemberStatus.ALIVE);
		this.registry.drain();
		assertOnlyMemberOfEachInstance(MemberStatus.SHUTTING_DOWN);
		this.registry.stop();
		assertOnlyMemberOfEachInstance(MemberStatus.SHUTTING_DOWN);
	}

	private void assertOnlyMemberOfEachInstance(MemberStatus status) {
		assertThat(this.view.members().values()).as(status.name())
			.allSatisfy((members) -> assertThat(members).containsExactly(new Member("n1", status)));
	}

	private void startNode() {
		this.registry.start();
		this.agents.start();
	}

}
