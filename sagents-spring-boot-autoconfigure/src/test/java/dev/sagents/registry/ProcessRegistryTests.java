package dev.sagents.registry;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;

/**
 * What every registry (local or horde) answers through the interface's own methods, and what a
 * caller is told while a registry cannot answer.
 */
class ProcessRegistryTests {

	private static final ProcessKey KEY = ProcessKey.agent("a1");

	private final ProcessRegistry registry = mock(ProcessRegistry.class, CALLS_REAL_METHODS);

	@Test
	void fetchReturnsTheRegisteredProcessAndNamesTheKeyWhenNoneIs() {
		ProcessRef ref = mock(ProcessRef.class);
		given(this.registry.lookup(KEY)).willReturn(Optional.of(ref));
		assertThat(this.registry.fetch(KEY)).isSameAs(ref);
		ProcessKey missing = ProcessKey.agent("missing");
		given(this.registry.lookup(missing)).willReturn(Optional.empty());
		assertThatExceptionOfType(ProcessNotRegisteredException.class).isThrownBy(() -> this.registry.fetch(missing))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo(missing))
			.withMessage("No process is running under 'agent:missing'");
	}

	@Test
	void onlyARunningRegistryIsAvailable() {
		for (RegistryState state : RegistryState.values()) {
			given(this.registry.state()).willReturn(state);
			assertThat(this.registry.isAvailable()).as("%s", state).isEqualTo(state == RegistryState.RUNNING);
		}
	}

	@Test
	void anUnavailableRegistrySaysWhyInItsOwnWords() {
		assertThat(new RegistryUnavailableException(RegistryState.STARTING)).hasMessage(
				"The sagents registry is unavailable on this node: the sagents supervisor has not started here "
						+ "(in local mode a node without it hosts nothing and answers no sagents calls)");
		assertThat(new RegistryUnavailableException(RegistryState.DRAINING)).hasMessage(
				"The sagents registry is unavailable on this node: the node is stopping and handing its processes off");
		assertThat(new RegistryUnavailableException(RegistryState.STOPPED))
			.hasMessage("The sagents registry is unavailable on this node: the node stopped");
		assertThat(new RegistryUnavailableException(RegistryState.DRAINING).state()).isEqualTo(RegistryState.DRAINING);
	}

}
