package dev.sagents.horde;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sagents.codec.EncodedValue;
import dev.sagents.observation.TraceHeaders;
import dev.sagents.process.ProcessKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The binary layout between members: every field reads back as it was written, in order, and a
 * message that does not hold what it claims is refused as malformed instead of read past its end.
 */
class WireTests {

	@Test
	void everyFieldReadsBackAsItWasWrittenInOrder() {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("z", "last");
		attributes.put("a", "first");
		byte[] data = new Wire.Writer().writeByte(200)
			.writeBoolean(true)
			.writeBoolean(false)
			.writeLong(Long.MIN_VALUE)
			.writeInt(-7)
			.writeString("héllo")
			.writeMap(attributes)
			.writeEncoded(new EncodedValue("java.lang.String", new byte[] { 1, 2 }))
			.writeKeys(List.of(ProcessKey.agent("a1"), ProcessKey.fileSystem("s1")))
			.writeBytes(new byte[] { 9, 8, 7 })
			.toBytes();
		Wire.Reader in = new Wire.Reader(data);
		assertThat(in.readByte()).as("a byte reads back signed").isEqualTo((byte) 200);
		assertThat(in.readBoolean()).isTrue();
		assertThat(in.readBoolean()).isFalse();
		assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE);
		assertThat(in.readInt()).isEqualTo(-7);
		assertThat(in.readString()).isEqualTo("héllo");
		assertThat(in.readMap()).containsExactly(Map.entry("z", "last"), Map.entry("a", "first"));
		EncodedValue encoded = in.readEncoded();
		assertThat(encoded.type()).isEqualTo("java.lang.String");
		assertThat(encoded.data()).containsExactly(1, 2);
		assertThat(in.readKeys()).containsExactly(ProcessKey.agent("a1"), ProcessKey.fileSystem("s1"));
		assertThat(in.readBytes()).as("the last field, up to the message's end").containsExactly(9, 8, 7);
	}

	@Test
	void nullAndEmptyStringsAndBytesStayApart() {
		byte[] data = new Wire.Writer().writeString(null)
			.writeString("")
			.writeBytes(null)
			.writeBytes(new byte[0])
			.writeMap(Map.of())
			.writeKeys(List.of())
			.toBytes();
		Wire.Reader in = new Wire.Reader(data);
		assertThat(in.readString()).isNull();
		assertThat(in.readString()).isEmpty();
		assertThat(in.readBytes()).isNull();
		assertThat(in.readBytes()).isEmpty();
		assertThat(in.readMap()).isEmpty();
		assertThat(in.readKeys()).isEmpty();
	}

	@Test
	void aProcessToStartTravelsWithWhatItIsStartedFromAndItsMovesButNotWhereItRuns() {
		Registration agent = new Registration(ProcessKey.agent("a1"), "host-uuid", "node-1", "tally", "scope-1",
				Map.of("k", "v"), 2);
		Registration fileSystem = Registration.ofFileSystem("scope-1", "host-uuid", "node-1");
		byte[] data = new Wire.Writer().writeRegistration(agent).writeRegistration(fileSystem).toBytes();
		Wire.Reader in = new Wire.Reader(data);
		assertThat(in.readRegistration())
			.isEqualTo(new Registration(ProcessKey.agent("a1"), null, null, "tally", "scope-1", Map.of("k", "v"), 2));
		assertThat(in.readRegistration())
			.isEqualTo(new Registration(ProcessKey.fileSystem("scope-1"), null, null, null, null, Map.of(), 0));
	}

	@Test
	void aLengthBeyondTheMessageIsRefusedAsMalformed() {
		byte[] data = new Wire.Writer().writeInt(4).writeByte(1).writeByte(2).writeByte(3).toBytes();
		assertThatIllegalArgumentException().isThrownBy(() -> new Wire.Reader(data).readBytes())
			.withMessage("Malformed sagents message: length 4 exceeds the message");
	}

	@Test
	void aMessageThatEndsEarlyIsRefusedAsMalformed() {
		byte[] data = new Wire.Writer().writeByte(1).toBytes();
		Wire.Reader in = new Wire.Reader(data);
		in.readByte();
		assertThatIllegalArgumentException().isThrownBy(in::readLong).withMessageStartingWith("Malformed sagents message");
		assertThatIllegalArgumentException().isThrownBy(in::readByte).withMessageStartingWith("Malformed sagents message");
	}

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	@Test
	void traceHeadersReadBackAndNoneStaysNone() {
		TraceHeaders headers = new TraceHeaders(TRACEPARENT, "vendor=a,other=b");
		byte[] data = new Wire.Writer().writeTraceHeaders(headers)
			.writeTraceHeaders(null)
			.writeTraceHeaders(new TraceHeaders(TRACEPARENT, null))
			.writeBytes(new byte[] { 1 })
			.toBytes();
		Wire.Reader in = new Wire.Reader(data);
		assertThat(in.readTraceHeaders()).isEqualTo(headers);
		assertThat(in.readTraceHeaders()).isNull();
		assertThat(in.readTraceHeaders()).isEqualTo(new TraceHeaders(TRACEPARENT, null));
		assertThat(in.readBytes()).containsExactly(1);
	}

	@Test
	void aTracestateOverItsBoundIsSkippedUnreadAndTheMessageReadsOn() {
		byte[] data = new Wire.Writer().writeBoolean(true)
			.writeString(TRACEPARENT)
			.writeString("v=" + "x".repeat(TraceHeaders.MAX_TRACESTATE_LENGTH))
			.writeBytes(new byte[] { 4, 2 })
			.toBytes();
		Wire.Reader in = new Wire.Reader(data);
		assertThat(in.readTraceHeaders()).as("the trace goes on without its tracestate")
			.isEqualTo(new TraceHeaders(TRACEPARENT, null));
		assertThat(in.readBytes()).as("the payload after it").containsExactly(4, 2);
	}

	@Test
	void aMalformedOrOversizedTraceparentIsDroppedAndTheMessageReadsOn() {
		byte[] data = new Wire.Writer().writeBoolean(true)
			.writeString(TRACEPARENT.toUpperCase())
			.writeString(null)
			.writeBoolean(true)
			.writeString(TRACEPARENT + "-and-more")
			.writeString("v=1")
			.writeBytes(new byte[] { 3 })
			.toBytes();
		Wire.Reader in = new Wire.Reader(data);
		assertThat(in.readTraceHeaders()).as("not lowercase hex").isNull();
		assertThat(in.readTraceHeaders()).as("longer than a traceparent").isNull();
		assertThat(in.readBytes()).containsExactly(3);
	}

	@Test
	void aTraceHeaderLongerThanTheMessageIsRefusedAsMalformed() {
		byte[] data = new Wire.Writer().writeBoolean(true).writeInt(Integer.MAX_VALUE).toBytes();
		assertThatIllegalArgumentException().isThrownBy(() -> new Wire.Reader(data).readTraceHeaders())
			.withMessageContaining("exceeds the message");
	}

}
