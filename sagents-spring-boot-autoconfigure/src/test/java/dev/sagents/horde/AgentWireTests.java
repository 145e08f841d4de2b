package dev.sagents.horde;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.sagents.agent.AgentEvent;
import dev.sagents.agent.AgentStatus;
import dev.sagents.codec.JsonMessageCodec;
import dev.sagents.codec.MessageEncodingException;
import dev.sagents.codec.TrustedTypes;
import dev.sagents.supervisor.ExitReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * What an agent's messages, replies and events look like to a member on the other side: the same
 * values, application types included, at the same instant to the nanosecond.
 */
class AgentWireTests {

	private static final Instant AT = Instant.parse("2026-11-27T09:15:30.123456789Z");

	private final JsonMessageCodec codec = new JsonMessageCodec(JsonMapper.builder().build(),
			new TrustedTypes(List.of("dev.sagents.horde"), List.of(), getClass().getClassLoader()));

	private final AgentEvents events = new AgentEvents(this.codec);

	@Test
	void everyKindOfAgentEventArrivesAsItWasSent() {
		List<AgentEvent> sent = List.of(new AgentEvent.StatusChanged("a1", AT, AgentStatus.IDLE, AgentStatus.RUNNING),
				new AgentEvent.Replied("a1", AT, new Tally.Noted("milk", 3, "node-1")),
				new AgentEvent.Started("a1", AT, "node-1"), new AgentEvent.Shutdown("a1", AT, ExitReason.INACTIVITY),
				new AgentEvent.Published("a1", AT, new Tally.Note("milk", 2)));
		for (AgentEvent event : sent) {
			assertThat(this.events.decode(this.events.encode(event))).isEqualTo(event);
		}
	}

	@Test
	void anEventOfAKindThisVersionDoesNotKnowIsRefused() {
		byte[] data = new Wire.Writer().writeByte(42).writeString("a1").writeLong(0).writeInt(0).toBytes();
		assertThatIllegalArgumentException().isThrownBy(() -> this.events.decode(data))
			.withMessage("Unknown agent event kind 42");
	}

	@Test
	void agentMessagesAndRepliesArriveAsTheApplicationsOwnValues() {
		AgentPayloads payloads = new AgentPayloads(this.codec);
		Tally.Note message = new Tally.Note("milk", 2);
		assertThat(payloads.decodeMessage(payloads.encodeMessage(message))).isEqualTo(message);
		Tally.Noted reply = new Tally.Noted("milk", 3, "node-1");
		assertThat(payloads.decodeReply(message, payloads.encodeReply(message, reply))).isEqualTo(reply);
		assertThat(payloads.decodeReply(message, payloads.encodeReply(message, null))).isNull();
	}

	@Test
	void aReplyTypeNoReplyCouldArriveAsIsRefusedByTheCodec() {
		AgentPayloads payloads = new AgentPayloads(this.codec);
		assertThatExceptionOfType(MessageEncodingException.class)
			.isThrownBy(() -> payloads.checkReplyType(java.util.ArrayList.class))
			.withMessageContaining("ask for java.util.List");
		assertThatNoException().isThrownBy(() -> payloads.checkReplyType(Tally.Noted.class));
	}

}
