package dev.sagents.agent;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentResultTest {

	@Test
	void aReplyKeepsTheAgentGoing() {
		assertThat(AgentResult.reply("state", "answer")).isEqualTo(new AgentResult<>("state", "answer", false));
	}

	@Test
	void noReplyKeepsTheAgentGoingWithoutAnAnswer() {
		assertThat(AgentResult.noReply("state")).isEqualTo(new AgentResult<>("state", null, false));
	}

	@Test
	void aStopAnswersThenStops() {
		assertThat(AgentResult.stop("state", "bye")).isEqualTo(new AgentResult<>("state", "bye", true));
	}

}
