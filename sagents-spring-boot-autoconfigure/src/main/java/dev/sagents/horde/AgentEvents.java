package dev.sagents.horde;

import java.time.Instant;

import dev.sagents.agent.AgentEvent;
import dev.sagents.agent.AgentStatus;
import dev.sagents.codec.MessageCodec;
import dev.sagents.codec.MessageEncodingException;
import dev.sagents.supervisor.ExitReason;

/**
 * Agent events in the {@link Wire} layout; the application values they carry (a reply, a published
 * payload) go through the codec.
 */
final class AgentEvents {

	private static final int STATUS_CHANGED = 1;

	private static final int REPLIED = 2;

	private static final int STARTED = 3;

	private static final int SHUTDOWN = 4;

	private static final int PUBLISHED = 5;

	private final MessageCodec codec;

	AgentEvents(MessageCodec codec) {
		this.codec = codec;
	}

	/** The event's bytes; {@link MessageEncodingException} if the codec cannot carry its value. */
	byte[] encode(AgentEvent event) {
		Wire.Writer out = new Wire.Writer();
		if (event instanceof AgentEvent.StatusChanged changed) {
			header(out, STATUS_CHANGED, event).writeString(changed.from().name()).writeString(changed.to().name());
		}
		else if (event instanceof AgentEvent.Replied replied) {
			header(out, REPLIED, event).writeEncoded(this.codec.encode(replied.reply()));
		}
		else if (event instanceof AgentEvent.Started started) {
			header(out, STARTED, event).writeString(started.node());
		}
		else if (event instanceof AgentEvent.Shutdown shutdown) {
			header(out, SHUTDOWN, event).writeString(shutdown.reason().name());
		}
		else if (event instanceof AgentEvent.Published published) {
			header(out, PUBLISHED, event).writeEncoded(this.codec.encode(published.payload()));
		}
		return out.toBytes();
	}

	AgentEvent decode(byte[] data) {
		Wire.Reader in = new Wire.Reader(data);
		int kind = in.readByte();
		String agentId = in.readString();
		Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
		return switch (kind) {
			case STATUS_CHANGED -> new AgentEvent.StatusChanged(agentId, at, AgentStatus.valueOf(in.readString()),
					AgentStatus.valueOf(in.readString()));
			case REPLIED -> new AgentEvent.Replied(agentId, at, this.codec.decode(in.readEncoded()));
			case STARTED -> new AgentEvent.Started(agentId, at, in.readString());
			case SHUTDOWN -> new AgentEvent.Shutdown(agentId, at, ExitReason.valueOf(in.readString()));
			case PUBLISHED -> new AgentEvent.Published(agentId, at, this.codec.decode(in.readEncoded()));
			default -> throw new IllegalArgumentException("Unknown agent event kind " + kind);
		};
	}

	private static Wire.Writer header(Wire.Writer out, int kind, AgentEvent event) {
		return out.writeByte(kind)
			.writeString(event.agentId())
			.writeLong(event.at().getEpochSecond())
			.writeInt(event.at().getNano());
	}

}
