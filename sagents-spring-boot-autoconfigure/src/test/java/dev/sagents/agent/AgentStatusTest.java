package dev.sagents.agent;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentStatusTest {

	@Test
	void everyStatusHasTheLowerCaseNameEventsAndJsonUse() {
		assertThat(AgentStatus.values()).extracting(AgentStatus::value)
			.containsExactly("idle", "running", "error", "stopping", "stopped");
	}

}
