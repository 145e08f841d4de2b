package dev.sagents.horde;

import org.junit.jupiter.api.Test;

import dev.sagents.cluster.MemberStatus;
import dev.sagents.registry.RegistryState;
import dev.sagents.registry.RegistryUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** A node takes new work only while it runs, and announces itself alive only then. */
class NodeStateTests {

	private final NodeState state = new NodeState();

	@Test
	void aNodeStartsAsStartingAndTakesNoWorkBeforeItRuns() {
		assertThat(this.state.get()).isEqualTo(RegistryState.STARTING);
		assertThat(this.state.is(RegistryState.STARTING)).isTrue();
		assertThatExceptionOfType(RegistryUnavailableException.class).isThrownBy(this.state::ensureAvailable)
			.satisfies((ex) -> assertThat(ex.state()).isEqualTo(RegistryState.STARTING));
		assertThat(this.state.memberStatus()).isEqualTo(MemberStatus.SHUTTING_DOWN);
	}

	@Test
	void aRunningNodeTakesWorkAndIsAlive() {
		this.state.set(RegistryState.RUNNING);
		assertThat(this.state.is(RegistryState.RUNNING)).isTrue();
		assertThat(this.state.is(RegistryState.STARTING)).isFalse();
		assertThatNoException().isThrownBy(this.state::ensureAvailable);
		assertThat(this.state.memberStatus()).isEqualTo(MemberStatus.ALIVE);
	}

	@Test
	void aDrainingOrStoppedNodeRefusesWorkSayingWhyAndIsShuttingDown() {
		for (RegistryState leaving : new RegistryState[] { RegistryState.DRAINING, RegistryState.STOPPED }) {
			this.state.set(leaving);
			assertThat(this.state.get()).isEqualTo(leaving);
			assertThatExceptionOfType(RegistryUnavailableException.class).isThrownBy(this.state::ensureAvailable)
				.satisfies((ex) -> assertThat(ex.state()).isEqualTo(leaving));
			assertThat(this.state.memberStatus()).isEqualTo(MemberStatus.SHUTTING_DOWN);
		}
	}

	@Test
	void aRunningNodeThatHostsNothingTakesWorkButAnnouncesItselfUninitializedAndRefusesToHost() {
		this.state.set(RegistryState.RUNNING);
		this.state.hosting(false);
		assertThat(this.state.hosts()).isFalse();
		assertThatNoException().as("it still reaches the others' processes").isThrownBy(this.state::ensureAvailable);
		assertThat(this.state.memberStatus()).as("placement skips it").isEqualTo(MemberStatus.UNINITIALIZED);
		assertThatExceptionOfType(RegistryUnavailableException.class).isThrownBy(this.state::ensureHosting)
			.withMessageContaining("it hosts nothing");
		this.state.set(RegistryState.DRAINING);
		assertThat(this.state.memberStatus()).isEqualTo(MemberStatus.SHUTTING_DOWN);
	}

	@Test
	void aHostingNodeHostsWhenAsked() {
		assertThat(this.state.hosts()).isTrue();
		assertThatNoException().isThrownBy(this.state::ensureHosting);
	}

}
