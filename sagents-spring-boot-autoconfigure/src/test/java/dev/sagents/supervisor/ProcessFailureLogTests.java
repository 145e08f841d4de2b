package dev.sagents.supervisor;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.sagents.process.ProcessKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The processes given up after too many crashes, as the actuator endpoint lists them. */
class ProcessFailureLogTests {

	@Test
	void keepsTheNewestFailuresUpToItsCapacityAndCountsAll() {
		ProcessFailureLog log = new ProcessFailureLog(2);
		log.record(failure("a1"));
		log.record(failure("a2"));
		assertThat(log.recent()).extracting(ProcessFailure::key)
			.containsExactly(ProcessKey.agent("a2"), ProcessKey.agent("a1"));
		log.record(failure("a3"));
		assertThat(log.recent()).extracting(ProcessFailure::key)
			.containsExactly(ProcessKey.agent("a3"), ProcessKey.agent("a2"));
		assertThat(log.total()).isEqualTo(3);
	}

	@Test
	void aLogKeepsAtLeastOneFailure() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ProcessFailureLog(0))
			.withMessage("capacity must be >= 1, got 0");
		ProcessFailureLog log = new ProcessFailureLog(1);
		log.record(failure("a1"));
		log.record(failure("a2"));
		assertThat(log.recent()).extracting(ProcessFailure::key).containsExactly(ProcessKey.agent("a2"));
	}

	private static ProcessFailure failure(String agentId) {
		return new ProcessFailure(ProcessKey.agent(agentId), "n1", Instant.EPOCH, 3, "java.lang.IllegalStateException: boom", null);
	}

}
