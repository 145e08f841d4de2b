package dev.sagents.codec;

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

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.sagents.agent.AgentEvent;
import dev.sagents.codec.notes.Note;
import dev.sagents.codec.notes.Priority;
import dev.sagents.codec.orders.Line;
import dev.sagents.codec.orders.LineSerializer;
import dev.sagents.codec.orders.Order;
import dev.sagents.codec.orders.OrderSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
		Order order = new Order(false, (byte) 0, (short) 0, 0, 0L, 0f, 0d, null, null, null, null, null, null, null,
				null, null, null, null, null, new Integer[] { 1, null, 3 }, null, null,
				new Line[] { new Line("a", 1, BigDecimal.ONE), null });

		Object decoded = this.codec.decode(this.codec.encode(order));

		assertThat(decoded).usingRecursiveComparison().isEqualTo(order);
	}

	@Test
	void decodesBytesAsTheTypeTheCallerNames() {
		Line line = new Line("sku-1", 2, new BigDecimal("9.99"));

		byte[] data = this.codec.encode(line).data();

		assertThat(this.codec.decode(data, Line.class)).isEqualTo(line);
		assertThat(this.codec.decode(new byte[0], Line.class)).isNull();
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
	void jsonRulesStillApplyToDelegatedValues() {
		assertThatExceptionOfType(UntrustedTypeException.class)
			.isThrownBy(() -> this.codec.decode(new EncodedValue("java.lang.Runtime", new byte[] { '{', '}' })))
			.withMessageContaining("trusted-packages");
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.encode(List.of("a")))
			.withMessageContaining("Wrap it in a record");
	}

	@Test
	void withoutSerializersEverythingIsJson() {
		CompactMessageCodec jsonOnly = new CompactMessageCodec(List.of(), this.json);
		Line line = new Line("sku-1", 2, BigDecimal.TEN);

		EncodedValue encoded = jsonOnly.encode(line);

		assertThat(encoded.type()).isEqualTo(Line.class.getName());
		assertThatExceptionOfType(UntrustedTypeException.class).isThrownBy(() -> jsonOnly.decode(encoded));
		assertThatExceptionOfType(UntrustedTypeException.class)
			.isThrownBy(() -> jsonOnly.decode(this.codec.encode(line)))
			.withMessageContaining("'compact:line'")
			.withMessageContaining("declare a CompactSerializer bean");
	}

	@Test
	void refusesToWriteANestedValueWhoseClassHasNoSerializer() {
		CompactMessageCodec ordersOnly = new CompactMessageCodec(List.of(new OrderSerializer()), this.json);

		assertThatIllegalArgumentException().isThrownBy(() -> ordersOnly.encode(order()))
			.withMessageContaining("field 'primary'")
			.withMessageContaining(Line.class.getName());
	}

	@Test
	void reportsASerializerThatFailsToWriteAsAnIllegalArgument() {
		CompactMessageCodec twice = new CompactMessageCodec(List.of(new WritesTwice()), this.json);

		assertThatIllegalArgumentException().isThrownBy(() -> twice.encode(new Line("a", 1, BigDecimal.ONE)))
			.withMessageContaining("Cannot write a value of type '" + Line.class.getName() + "' as Compact");
	}

	@Test
	void failsToDecodeARecordItsSerializerCannotReadWithoutQuotingIt() {
		CompactMessageCodec other = new CompactMessageCodec(List.of(new ReadsAnotherField()), this.json);
		EncodedValue encoded = this.codec.encode(new Line("secret-token", 1, BigDecimal.ONE));

		assertThatExceptionOfType(MessageDecodingException.class).isThrownBy(() -> other.decode(encoded))
			.withMessageContaining("'compact:line'")
			.withMessageNotContaining("secret")
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo("compact:line"));
	}

	@Test
	void failsToDecodeMalformedBytesOfATrustedType() {
		byte[] valid = this.codec.encode(order()).data();
		List<byte[]> malformed = List.of(new byte[] { 1 }, new byte[] { 9, 0, 0, 0, 0 },
				new byte[] { 1, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff }, Arrays.copyOf(valid, valid.length / 2),
				"{\"paid\": true}".getBytes(StandardCharsets.UTF_8));

		for (byte[] data : malformed) {
			assertThatExceptionOfType(MessageDecodingException.class)
				.isThrownBy(() -> this.codec.decode(new EncodedValue("compact:" + OrderSerializer.TYPE_NAME, data)))
				.satisfies((ex) -> assertThat(ex.type()).isEqualTo("compact:" + OrderSerializer.TYPE_NAME));
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

	/** A serializer of {@code line} that expects a field lines do not have. */
	static final class ReadsAnotherField extends LineSerializer {

		@Override
		public Line read(CompactReader reader) {
			return new Line(reader.readString("article"), 0, null);
		}

	}

}
