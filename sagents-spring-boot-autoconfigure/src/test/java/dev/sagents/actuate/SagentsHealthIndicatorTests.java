package dev.sagents.actuate;

import dev.sagents.local.LocalClusterView;
import dev.sagents.registry.RegistryState;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** What the {@code sagents} health contributor reports in each state of the node. */
class SagentsHealthIndicatorTests {

	@Test
	void runningConsistentHostingNodeIsUpWithItsCounts() {
		FakeRegistry registry = new FakeRegistry(2, 1);
		Health health = new SagentsHealthIndicator(new LocalClusterView("n1", registry), registry, true).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("node", "n1")
			.containsEntry("hosting", true)
			.containsEntry("registry", "running")
			.containsEntry("consistent", true)
			.containsEntry("registered", new RegisteredProcesses(3, 2, 1));
	}

	@Test
	void startingNodeIsOutOfService() {
		assertThat(statusWhileRegistry(RegistryState.STARTING)).isEqualTo(Status.OUT_OF_SERVICE);
	}

	@Test
	void drainingNodeIsOutOfService() {
		assertThat(statusWhileRegistry(RegistryState.DRAINING)).isEqualTo(Status.OUT_OF_SERVICE);
	}

	@Test
	void stoppedNodeIsOutOfService() {
		assertThat(statusWhileRegistry(RegistryState.STOPPED)).isEqualTo(Status.OUT_OF_SERVICE);
	}

	@Test
	void nodeWithoutSupervisorIsUpAndSaysItHostsNothing() {
		FakeRegistry registry = new FakeRegistry(0, 0).inState(RegistryState.STARTING);
		Health health = new SagentsHealthIndicator(new LocalClusterView("n1", registry), registry, false).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("hosting", false)
			.containsEntry("registry", "starting")
			.containsEntry("registered", new RegisteredProcesses(null, null, null));
	}

	@Test
	void disagreeingMemberSetsAreDown() {
		FakeRegistry registry = new FakeRegistry(0, 0);
		Health health = new SagentsHealthIndicator(new DisagreeingClusterView(new LocalClusterView("n1", registry)),
				registry, true)
			.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("consistent", false);
	}

	private static Status statusWhileRegistry(RegistryState state) {
		FakeRegistry registry = new FakeRegistry(0, 0).inState(state);
		return new SagentsHealthIndicator(new LocalClusterView("n1", registry), registry, true).health().getStatus();
	}

}
