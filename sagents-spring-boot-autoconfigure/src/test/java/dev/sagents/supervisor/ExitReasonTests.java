package dev.sagents.supervisor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Why a process ended, as applications show it (the sample app's event stream, for one). */
class ExitReasonTests {

	@Test
	void exitReasonsShowAsTheirLowerCaseNames() {
		assertThat(ExitReason.values()).extracting(ExitReason::value)
			.containsExactly("normal", "inactivity", "stopped", "shutdown", "crash", "restart_limit", "name_conflict",
					"stale_activation");
	}

	@Test
	void onlyAnotherActivationsTruthSkipsThePersistOnExit() {
		assertThat(ExitReason.values()).filteredOn((reason) -> !reason.persistsOnExit())
			.containsExactlyInAnyOrder(ExitReason.CONFLICT, ExitReason.STALE);
	}

}
