package dev.sagents.codec.compact;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.sagents.agent.AgentEvent;
import dev.sagents.codec.EncodedValue;
import dev.sagents.codec.JsonMessageCodec;
import dev.sagents.codec.MessageDecodingException;
import dev.sagents.codec.MessageEncodingException;
import dev.sagents.codec.TrustedTypes;
import dev.sagents.codec.UntrustedTypeException;
import dev.sagents.codec.notes.Note;
import dev.sagents.codec.notes.Priority;
import dev.sagents.codec.orders.Line;
import dev.sagents.codec.orders.LineSerializer;
import dev.sagents.codec.orders.Measurements;
import dev.sagents.codec.orders.MeasurementsSerializer;
import dev.sagents.codec.orders.Order;
import dev.sagents.codec.orders.OrderSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class CompactMessageCodecTest {

	private static final Instant CREATED = Instant.parse("2026-11-27T09:15:30.123Z");

	private final JsonMessageCodec json = new JsonMessageCodec(JsonMapper.builder().build(),
			new TrustedTypes(List.of("dev.sagents.codec.notes"), List.of(), getClass().getClassLoader()));

	private final CompactMessageCodec codec = new CompactMessageCodec(
			List.of(new OrderSerializer(), new LineSerializer()), this.json);

	@Test
	void roundTripsARecordWithEveryCommonFieldKind() {
		Order order = order();

		EncodedValue encoded = this.codec.encode(order);

		assertThat(encoded.type()).isEqualTo("compact:" + OrderSerializer.TYPE_NAME);
		assertThat(this.codec.decode(encoded)).isInstanceOf(Order.class).usingRecursiveComparison().isEqualTo(order);
	}

	@Test
	void roundTripsNullsInNullableFieldsAndArrays() {
		Line line = new Line("a", 1, BigDecimal.ONE);
		Order nullItems = new Order(false, (byte) 0, (short) 0, 0, 0L, 0f, 0d, null, null, null, null, null, null, null,
				null, null, null, null, null, new Integer[] { 1, null, 3 }, null, null, new Line[] { line, null });
		Order nullArray = new Order(false, (byte) 0, (short) 0, 0, 0L, 0f, 0d, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, line, null);

		for (Order order : List.of(nullItems, nullArray)) {
			Object decoded = this.codec.decode(this.codec.encode(order));

			assertThat(decoded).usingRecursiveComparison().isEqualTo(order);
		}
	}

	@Test
	void roundTripsEveryOtherFieldKindAndNullsInThem() {
		CompactMessageCodec measuring = new CompactMessageCodec(List.of(new MeasurementsSerializer(true)), this.json);
		Measurements full = new Measurements(new short[] { -2, 300 }, new long[] { 1L << 40 }, new float[] { 0.5f },
				new double[] { 2.25d, -1d }, new BigDecimal[] { new BigDecimal("1.50"), null },
				new LocalTime[] { LocalTime.of(17, 30, 5), null },
				new LocalDateTime[] { LocalDateTime.of(2026, 11, 27, 9, 15, 30, 123_000_000) },
				new OffsetDateTime[] { OffsetDateTime.of(2026, 11, 27, 9, 15, 30, 0, ZoneOffset.ofHours(-5)) }, true,
				(byte) -7, (short) 1200, 1.5f, 98.6d, new Boolean[] { true, null, false }, new Byte[] { 1, null },
				new Short[] { null, 2 }, new Long[] { 3L, null }, new Float[] { 0.25f, null }, new Double[] { null, 7.5d },
				"kPa");
		Measurements empty = new Measurements(null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null);

		for (Measurements measurements : List.of(full, empty)) {
			Object decoded = measuring.decode(measuring.encode(measurements));

			assertThat(decoded).usingRecursiveComparison().isEqualTo(measurements);
		}
	}

	@Test
	void readsAValueWrittenBeforeItsSerializerAddedAField() {
		CompactMessageCodec version1 = new CompactMessageCodec(List.of(new MeasurementsSerializer(false)), this.json);
		CompactMessageCodec version2 = new CompactMessageCodec(List.of(new MeasurementsSerializer(true)), this.json);
		Measurements old = new Measurements(null, null, null, null, null, null, null, null, false, null, null, null,
				null, null, null, null, null, null, null, "kPa");

		Object decoded = version2.decode(version1.encode(old));

		assertThat(decoded).isInstanceOf(Measurements.class)
			.extracting("unit", "calibrated")
			.containsExactly(MeasurementsSerializer.UNKNOWN_UNIT, false);
	}

	@Test
	void roundTripsAValueWithoutFields() {
		CompactMessageCodec pings = new CompactMessageCodec(List.of(new PingSerializer()), this.json);

		EncodedValue encoded = pings.encode(new Ping());

		assertThat(encoded.type()).isEqualTo("compact:ping");
		assertThat(pings.decode(encoded)).isEqualTo(new Ping());
		assertThat(pings.decode(encoded.data(), Ping.class)).isEqualTo(new Ping());
	}

	@Test
	void aSerializerMayUseTheCodecWhileItReadsAValue() {
		EnvelopeSerializer envelopes = new EnvelopeSerializer();
		CompactMessageCodec enveloping = new CompactMessageCodec(List.of(envelopes, new LineSerializer()), this.json);
		envelopes.codec = enveloping;
		Envelope envelope = new Envelope(new Envelope(null, null), new Line("sku-1", 2, BigDecimal.ONE));

		assertThat(enveloping.decode(enveloping.encode(envelope))).isEqualTo(envelope);
	}

	@Test
	void decodesBytesAsTheTypeTheCallerNames() {
		Line line = new Line("sku-1", 2, new BigDecimal("9.99"));

		byte[] data = this.codec.encode(line).data();

		assertThat(this.codec.decode(data, Line.class)).isEqualTo(line);
		assertThat(this.codec.decode(new byte[0], Line.class)).isNull();
		assertThat(this.codec.decode(null, Line.class)).isNull();
		assertThatExceptionOfType(MessageDecodingException.class).isThrownBy(() -> this.codec.decode(data, Order.class))
			.withMessageContaining("its record is of type 'line'");
	}

	@Test
	void delegatesValuesWithoutASerializerToJsonUnderTheirClassName() {
		Note note = new Note("groceries", List.of("home"), null, Priority.LOW, CREATED);
		List<Object> values = Arrays.asList("hello", 42, new BigDecimal("1.50"), CREATED, note,
				new AgentEvent.Started("agent-1", CREATED, "node-a"), null);

		for (Object value : values) {
			EncodedValue encoded = this.codec.encode(value);

			assertThat(encoded.type()).isEqualTo(this.json.encode(value).type()).doesNotStartWith("compact:");
			assertThat(encoded.data()).isEqualTo(this.json.encode(value).data());
			assertThat(this.codec.decode(encoded)).isEqualTo(value);
		}
		assertThat(this.codec.decode(this.codec.encode(note).data(), Note.class)).isEqualTo(note);
	}

	@Test
	void checksANullValueAsItEncodesOneWithoutRefusingIt() {
		assertThat(this.codec.decode(this.codec.encode(null))).isNull();
		assertThatNoException().isThrownBy(() -> this.codec.check(null));
	}

	@Test
	void jsonRulesStillApplyToDelegatedValues() {
		assertThatExceptionOfType(UntrustedTypeException.class)
			.isThrownBy(() -> this.codec.decode(new EncodedValue("java.lang.Runtime", new byte[] { '{', '}' })))
			.withMessageContaining("trusted-packages");
		assertThatExceptionOfType(UntrustedTypeException.class)
			.isThrownBy(() -> this.codec.decode(new EncodedValue(null, new byte[] { '{', '}' })))
			.satisfies((ex) -> assertThat(ex.type()).isNull());
		assertThatExceptionOfType(MessageEncodingException.class)
			.isThrownBy(() -> this.codec.encode(List.of(new java.util.ArrayDeque<>())))
			.withMessageContaining("neither a List nor a Set");
	}

	@Test
	void refusesACompactValueInsideAContainerOrArrayWhichJsonWouldWriteAsABean() {
		Line line = new Line("sku-1", 2, BigDecimal.TEN);
		for (Object value : List.of(List.of(line), Map.of("k", line), java.util.Optional.of(line),
				new Line[] { line })) {
			assertThatExceptionOfType(MessageEncodingException.class).isThrownBy(() -> this.codec.encode(value))
				.withMessageContaining("a Compact value travels only as the top-level value");
			assertThatExceptionOfType(MessageEncodingException.class).isThrownBy(() -> this.codec.check(value))
				.withMessageContaining("a Compact value travels only as the top-level value");
		}
		this.codec.check(line);
		this.codec.checkReplyType(Line.class);
		assertThatExceptionOfType(MessageEncodingException.class)
			.isThrownBy(() -> this.codec.checkReplyType(java.util.ArrayList.class))
			.withMessageContaining("ask for java.util.List");
		assertThat(this.codec.decode(this.codec.encode(List.of("a")))).isEqualTo(List.of("a"));
	}

	@Test
	void withoutSerializersEverythingIsJson() {
		CompactMessageCodec jsonOnly = new CompactMessageCodec(List.of(), this.json);
		Line line = new Line("sku-1", 2, BigDecimal.TEN);

		assertThatExceptionOfType(MessageEncodingException.class).isThrownBy(() -> jsonOnly.encode(line))
			.withMessageContaining("it is not trusted");
		assertThatExceptionOfType(UntrustedTypeException.class)
			.isThrownBy(() -> jsonOnly.decode(new EncodedValue(Line.class.getName(), new byte[] { '{', '}' })));
		assertThatExceptionOfType(UntrustedTypeException.class)
			.isThrownBy(() -> jsonOnly.decode(this.codec.encode(line)))
			.withMessageContaining("'compact:line'")
			.withMessageContaining("declare a CompactSerializer bean");
	}

	@Test
	void refusesToWriteANestedValueWhoseClassHasNoSerializer() {
		CompactMessageCodec ordersOnly = new CompactMessageCodec(List.of(new OrderSerializer()), this.json);

		assertThatExceptionOfType(MessageEncodingException.class).isThrownBy(() -> ordersOnly.encode(order()))
			.withMessageContaining("field 'primary'")
			.withMessageContaining(Line.class.getName());
	}

	@Test
	void reportsASerializerThatFailsToWriteAsAnEncodingError() {
		CompactMessageCodec twice = new CompactMessageCodec(List.of(new WritesTwice()), this.json);

		assertThatExceptionOfType(MessageEncodingException.class)
			.isThrownBy(() -> twice.encode(new Line("a", 1, BigDecimal.ONE)))
			.withMessageContaining("Cannot send a value of type '" + Line.class.getName() + "'")
			.withMessageContaining("Compact cannot write it");
	}

	@Test
	void failsToDecodeARecordItsSerializerCannotReadWithoutQuotingIt() {
		EncodedValue encoded = this.codec.encode(new Line("secret-token", 1, BigDecimal.ONE));
		CompactMessageCodec other = new CompactMessageCodec(List.of(new ReadsAnotherField()), this.json);
		CompactMessageCodec failing = new CompactMessageCodec(List.of(new FailsToRead()), this.json);

		assertThatExceptionOfType(MessageDecodingException.class).isThrownBy(() -> other.decode(encoded))
			.withMessageContaining("'compact:line': HazelcastSerializationException: Invalid field name: 'article'")
			.withMessageNotContaining("secret")
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo("compact:line"));
		assertThatExceptionOfType(MessageDecodingException.class).isThrownBy(() -> failing.decode(encoded))
			.withMessage("Could not decode a value of type 'compact:line': IllegalStateException")
			.withCauseInstanceOf(IllegalStateException.class);
	}

	@Test
	void failsToDecodeMalformedBytesOfATrustedTypeSayingWhy() {
		HandCraftedCompact crafted = new HandCraftedCompact();
		byte[] valid = this.codec.encode(order()).data();
		byte[] line = this.codec.encode(new Line("sku-1", 2, BigDecimal.ONE)).data();
		byte[] record = crafted.hazelcastBytes(GenericRecordBuilder.compact(LineSerializer.TYPE_NAME).build());
		List<Malformed> malformed = List.of(new Malformed(new byte[] { 1 }, "EOFException"),
				new Malformed(new byte[] { 9, 0, 0, 0, 0 }, "IOException: not a Compact value of this codec"),
				new Malformed(withFirstByte(valid, 2), "IOException: not a Compact value of this codec"),
				new Malformed("{\"paid\": true}".getBytes(StandardCharsets.UTF_8), "IOException: not a Compact value of this codec"),
				new Malformed(new byte[] { 1, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff },
						"IOException: a count of 2147483647 does not fit the bytes left"),
				new Malformed(HandCraftedCompact.written((out) -> {
					out.writeByte(1);
					out.writeInt(-1);
					out.write(record);
				}), "IOException: a count of -1 does not fit the bytes left"),
				new Malformed(HandCraftedCompact.written((out) -> {
					out.writeByte(1);
					out.writeInt(2);
					out.writeUTF("");
					out.writeInt(0);
				}), "IOException: a count of 2 does not fit the bytes left"),
				new Malformed(schema(LineSerializer.TYPE_NAME, Integer.MAX_VALUE),
						"IOException: a count of 2147483647 does not fit the bytes left"),
				new Malformed(schema(LineSerializer.TYPE_NAME, 0), "IOException: the record is not in Hazelcast's Compact format"),
				new Malformed(CompactBinary.format(List.of(), Arrays.copyOf(record, record.length - 1)),
						"IOException: the record is not in Hazelcast's Compact format"),
				new Malformed(CompactBinary.format(List.of(), crafted.hazelcastBytes("not a record")),
						"IOException: the record is not in Hazelcast's Compact format"),
				new Malformed(Arrays.copyOf(line, line.length - 4), "IllegalArgumentException"));

		for (Malformed each : malformed) {
			assertThatExceptionOfType(MessageDecodingException.class)
				.isThrownBy(() -> this.codec.decode(new EncodedValue("compact:" + LineSerializer.TYPE_NAME, each.data())))
				.withMessageContaining(each.reason())
				.satisfies((ex) -> assertThat(ex.type()).isEqualTo("compact:" + LineSerializer.TYPE_NAME));
		}
	}

	@Test
	void failsToDecodeASchemaFieldOfNoCompactKind() {
		for (int kind : new int[] { -1, FieldKind.values().length, FieldKind.CHAR.getId() }) {
			byte[] data = HandCraftedCompact.written((out) -> {
				out.writeByte(1);
				out.writeInt(1);
				out.writeUTF(LineSerializer.TYPE_NAME);
				out.writeInt(1);
				out.writeUTF("sku");
				out.writeInt(kind);
			});

			assertThatExceptionOfType(MessageDecodingException.class)
				.isThrownBy(() -> this.codec.decode(new EncodedValue("compact:" + LineSerializer.TYPE_NAME, data)))
				.withMessageEndingWith("IOException: field 'sku' of type 'line' has no Compact kind");
		}
	}

	@Test
	void refusesTwoSerializersOfOneClassOrTypeName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CompactMessageCodec(List.of(new LineSerializer(), new WritesTwice()), this.json))
			.withMessageContaining("Two Compact serializers for class " + Line.class.getName());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CompactMessageCodec(List.of(new LineSerializer(), new NamedLine()), this.json))
			.withMessageContaining("Two Compact serializers for type name 'line'");
	}

	/** The codec's bytes of one schema of {@code typeName} that claims {@code fieldCount} fields, and nothing else. */
	private static byte[] schema(String typeName, int fieldCount) {
		return HandCraftedCompact.written((out) -> {
			out.writeByte(1);
			out.writeInt(1);
			out.writeUTF(typeName);
			out.writeInt(fieldCount);
		});
	}

	private static byte[] withFirstByte(byte[] data, int first) {
		byte[] changed = data.clone();
		changed[0] = (byte) first;
		return changed;
	}

	private static Order order() {
		Line first = new Line("sku-1", 2, new BigDecimal("9.99"));
		Line second = new Line("sku-2", 1, new BigDecimal("-0.000001"));
		return new Order(true, (byte) -7, (short) 300, 42, 1L << 40, 1.5f, 2.25d, 10, null, "leave at the door",
				new BigDecimal("12345678901234567890.123456789"), LocalDate.of(2026, 11, 27), LocalTime.of(17, 30, 5),
				LocalDateTime.of(2026, 11, 27, 9, 15, 30, 123_000_000),
				OffsetDateTime.of(2026, 11, 27, 9, 15, 30, 0, ZoneOffset.ofHours(2)), new int[] { 1, 2, 3 },
				new String[] { "gift", null, "fragile" }, new byte[] { 0, -1, 127 }, new boolean[] { true, false },
				new Integer[] { 5, null }, new LocalDate[] { LocalDate.of(2026, 12, 25) }, first,
				new Line[] { first, second });
	}

	/** A serializer that writes a field twice, which Hazelcast refuses. */
	static final class WritesTwice extends LineSerializer {

		@Override
		public void write(CompactWriter writer, Line line) {
			writer.writeString("sku", line.sku());
			writer.writeString("sku", line.sku());
		}

	}

	/** A serializer of another type, also named {@code line}. */
	static final class NamedLine implements CompactSerializer<Note> {

		@Override
		public Note read(CompactReader reader) {
			return null;
		}

		@Override
		public void write(CompactWriter writer, Note note) {
		}

		@Override
		public String getTypeName() {
			return LineSerializer.TYPE_NAME;
		}

		@Override
		public Class<Note> getCompactClass() {
			return Note.class;
		}

	}

	/**
	 * Bytes the codec cannot decode, and why.
	 *
	 * @param data the bytes
	 * @param reason what the error says after the type
	 */
	record Malformed(byte[] data, String reason) {
	}

	/** A message without fields. */
	record Ping() {
	}

	/** Writes a {@link Ping} as the Compact type {@code ping}: a record without fields. */
	static final class PingSerializer implements CompactSerializer<Ping> {

		@Override
		public Ping read(CompactReader reader) {
			return new Ping();
		}

		@Override
		public void write(CompactWriter writer, Ping ping) {
		}

		@Override
		public String getTypeName() {
			return "ping";
		}

		@Override
		public Class<Ping> getCompactClass() {
			return Ping.class;
		}

	}

	/**
	 * A value that carries another as the bytes the codec encoded it to.
	 *
	 * @param enclosed the value carried as bytes, or {@code null}
	 * @param line a nested record, or {@code null}
	 */
	record Envelope(Envelope enclosed, Line line) {
	}

	/** Writes an {@link Envelope} with the codec it is given, which it uses again to read the enclosed one. */
	static final class EnvelopeSerializer implements CompactSerializer<Envelope> {

		private CompactMessageCodec codec;

		@Override
		public Envelope read(CompactReader reader) {
			Envelope enclosed = this.codec.decode(reader.readArrayOfInt8("enclosed"), Envelope.class);
			return new Envelope(enclosed, reader.readCompact("line"));
		}

		@Override
		public void write(CompactWriter writer, Envelope envelope) {
			writer.writeArrayOfInt8("enclosed",
					(envelope.enclosed() != null) ? this.codec.encode(envelope.enclosed()).data() : null);
			writer.writeCompact("line", envelope.line());
		}

		@Override
		public String getTypeName() {
			return "envelope";
		}

		@Override
		public Class<Envelope> getCompactClass() {
			return Envelope.class;
		}

	}

	/** A serializer of {@code line} that fails with its own exception, quoting what it read. */
	static final class FailsToRead extends LineSerializer {

		@Override
		public Line read(CompactReader reader) {
			throw new IllegalStateException("no such article: " + reader.readString("sku"));
		}

	}

	/** A serializer of {@code line} that expects a field lines do not have. */
	static final class ReadsAnotherField extends LineSerializer {

		@Override
		public Line read(CompactReader reader) {
			return new Line(reader.readString("article"), 0, null);
		}

	}

}
