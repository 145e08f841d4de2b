package dev.sagents.actuate;

import java.time.Duration;
import java.util.Map;

import dev.sagents.cluster.ClusterView;
import dev.sagents.filesystem.ManualClock;
import dev.sagents.local.LocalClusterView;
import dev.sagents.process.ProcessKey;
import dev.sagents.registry.RegistryState;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** What the {@code sagents} health contributor reports in each state of the node. */
class SagentsHealthIndicatorTests {

	private static final Duration GRACE = Duration.ofSeconds(15);

	private final ManualClock clock = new ManualClock();

	@Test
	void runningConsistentHostingNodeIsUpWithWhatItRuns() {
		FakeRegistry registry = new FakeRegistry(2, 1);
		SettableClusterView view = new SettableClusterView(new LocalClusterView("n1", registry))
			.runningHere(ProcessKey.agent("a1"), ProcessKey.agent("a2"), ProcessKey.fileSystem("user:alice"));
		Health health = indicator(view, registry, true).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("node", "n1")
			.containsEntry("hosting", true)
			.containsEntry("joined", true)
			.containsEntry("registry", "running")
			.containsEntry("consistent", true)
			.containsEntry("members", 1)
			.containsEntry("hostedHere", new SagentsHealthIndicator.HostedHere(2, 1))
			.doesNotContainKey("inconsistentSince");
	}

	/**
	 * In horde mode the registry's counts and the per-node counts are queries across the cluster,
	 * one per member and map: a probe that made them would wait on the slowest member, on every
	 * node at once. A probe reads this node's own view only.
	 */
	@Test
	void aProbeAsksNothingOfTheCluster() {
		FakeRegistry registry = new FakeRegistry(2, 1);
		SettableClusterView view = new SettableClusterView(new LocalClusterView("n1", registry))
			.hosting(Map.of("n1", 2, "n2", 1));
		SagentsHealthIndicator indicator = indicator(view, registry, true);
		for (int probe = 0; probe < 3; probe++) {
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		}
		assertThat(registry.queries()).isZero();
		assertThat(view.hostedPerNodeQueries()).isZero();
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
		Health health = indicator(new LocalClusterView("n1", registry), registry, false).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("hosting", false)
			.containsEntry("registry", "starting")
			.containsEntry("hostedHere", new SagentsHealthIndicator.HostedHere(0, 0));
	}

	@Test
	void nodeNotJoinedToItsClusterIsDownAtOnce() {
		FakeRegistry registry = new FakeRegistry(0, 0);
		SettableClusterView view = new SettableClusterView(new LocalClusterView("n1", registry)).joined(false);
		Health health = indicator(view, registry, true).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("joined", false);
	}

	@Test
	void disagreeingMemberSetsAreUpWithinTheGraceAndDownOnceItIsOver() {
		FakeRegistry registry = new FakeRegistry(0, 0);
		SettableClusterView view = new SettableClusterView(new LocalClusterView("n1", registry)).disagreeing(true);
		SagentsHealthIndicator indicator = indicator(view, registry, true);
		Health first = indicator.health();
		assertThat(first.getStatus()).isEqualTo(Status.UP);
		assertThat(first.getDetails()).containsEntry("consistent", false)
			.containsEntry("inconsistentSince", this.clock.instant());
		this.clock.advance(GRACE.minusMillis(1));
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		this.clock.advance(Duration.ofMillis(1));
		Health over = indicator.health();
		assertThat(over.getStatus()).isEqualTo(Status.DOWN);
		assertThat(over.getDetails()).containsEntry("inconsistentSince", this.clock.instant().minus(GRACE));
	}

	@Test
	void agreementRestartsTheGrace() {
		FakeRegistry registry = new FakeRegistry(0, 0);
		SettableClusterView view = new SettableClusterView(new LocalClusterView("n1", registry)).disagreeing(true);
		SagentsHealthIndicator indicator = indicator(view, registry, true);
		indicator.health();
		this.clock.advance(GRACE);
		view.disagreeing(false);
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		view.disagreeing(true);
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		this.clock.advance(GRACE);
		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void zeroGraceReportsDisagreementAtOnce() {
		FakeRegistry registry = new FakeRegistry(0, 0);
		SettableClusterView view = new SettableClusterView(new LocalClusterView("n1", registry)).disagreeing(true);
		assertThat(new SagentsHealthIndicator(view, registry, true, Duration.ZERO, this.clock).health().getStatus())
			.isEqualTo(Status.DOWN);
	}

	private SagentsHealthIndicator indicator(ClusterView view, FakeRegistry registry, boolean hosting) {
		return new SagentsHealthIndicator(view, registry, hosting, GRACE, this.clock);
	}

	private Status statusWhileRegistry(RegistryState state) {
		FakeRegistry registry = new FakeRegistry(0, 0).inState(state);
		return indicator(new LocalClusterView("n1", registry), registry, true).health().getStatus();
	}

}
