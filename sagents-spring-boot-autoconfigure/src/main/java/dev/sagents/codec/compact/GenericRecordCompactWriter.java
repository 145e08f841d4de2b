package dev.sagents.codec.compact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.function.BiFunction;

import com.hazelcast.nio.serialization.compact.CompactWriter;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;

/**
 * What an application's {@code CompactSerializer} writes, as the fields of a
 * {@link GenericRecordBuilder}: the record's schema is then the fields written, as Hazelcast's own
 * writer would make it. A nested value ({@link #writeCompact}, {@link #writeArrayOfCompact}) becomes
 * a nested record through the codec, which writes it with its own serializer.
 */
final class GenericRecordCompactWriter implements CompactWriter {

	private final GenericRecordBuilder builder;

	private final BiFunction<String, Object, GenericRecord> nested;

	/**
	 * @param builder the builder of the record being written
	 * @param nested the record of a nested value, given the field's name and the value ({@code null}
	 * for {@code null}); it refuses values whose class has no serializer
	 */
	GenericRecordCompactWriter(GenericRecordBuilder builder, BiFunction<String, Object, GenericRecord> nested) {
		this.builder = builder;
		this.nested = nested;
	}

	@Override
	public <T> void writeCompact(String fieldName, T value) {
		this.builder.setGenericRecord(fieldName, this.nested.apply(fieldName, value));
	}

	@Override
	public <T> void writeArrayOfCompact(String fieldName, T[] value) {
		GenericRecord[] records = null;
		if (value != null) {
			records = new GenericRecord[value.length];
			for (int i = 0; i < value.length; i++) {
				records[i] = this.nested.apply(fieldName, value[i]);
			}
		}
		this.builder.setArrayOfGenericRecord(fieldName, records);
	}

	@Override
	public void writeBoolean(String fieldName, boolean value) {
		this.builder.setBoolean(fieldName, value);
	}

	@Override
	public void writeInt8(String fieldName, byte value) {
		this.builder.setInt8(fieldName, value);
	}

	@Override
	public void writeInt16(String fieldName, short value) {
		this.builder.setInt16(fieldName, value);
	}

	@Override
	public void writeInt32(String fieldName, int value) {
		this.builder.setInt32(fieldName, value);
	}

	@Override
	public void writeInt64(String fieldName, long value) {
		this.builder.setInt64(fieldName, value);
	}

	@Override
	public void writeFloat32(String fieldName, float value) {
		this.builder.setFloat32(fieldName, value);
	}

	@Override
	public void writeFloat64(String fieldName, double value) {
		this.builder.setFloat64(fieldName, value);
	}

	@Override
	public void writeString(String fieldName, String value) {
		this.builder.setString(fieldName, value);
	}

	@Override
	public void writeDecimal(String fieldName, BigDecimal value) {
		this.builder.setDecimal(fieldName, value);
	}

	@Override
	public void writeTime(String fieldName, LocalTime value) {
		this.builder.setTime(fieldName, value);
	}

	@Override
	public void writeDate(String fieldName, LocalDate value) {
		this.builder.setDate(fieldName, value);
	}

	@Override
	public void writeTimestamp(String fieldName, LocalDateTime value) {
		this.builder.setTimestamp(fieldName, value);
	}

	@Override
	public void writeTimestampWithTimezone(String fieldName, OffsetDateTime value) {
		this.builder.setTimestampWithTimezone(fieldName, value);
	}

	@Override
	public void writeArrayOfBoolean(String fieldName, boolean[] value) {
		this.builder.setArrayOfBoolean(fieldName, value);
	}

	@Override
	public void writeArrayOfInt8(String fieldName, byte[] value) {
		this.builder.setArrayOfInt8(fieldName, value);
	}

	@Override
	public void writeArrayOfInt16(String fieldName, short[] value) {
		this.builder.setArrayOfInt16(fieldName, value);
	}

	@Override
	public void writeArrayOfInt32(String fieldName, int[] value) {
		this.builder.setArrayOfInt32(fieldName, value);
	}

	@Override
	public void writeArrayOfInt64(String fieldName, long[] value) {
		this.builder.setArrayOfInt64(fieldName, value);
	}

	@Override
	public void writeArrayOfFloat32(String fieldName, float[] value) {
		this.builder.setArrayOfFloat32(fieldName, value);
	}

	@Override
	public void writeArrayOfFloat64(String fieldName, double[] value) {
		this.builder.setArrayOfFloat64(fieldName, value);
	}

	@Override
	public void writeArrayOfString(String fieldName, String[] value) {
		this.builder.setArrayOfString(fieldName, value);
	}

	@Override
	public void writeArrayOfDecimal(String fieldName, BigDecimal[] value) {
		this.builder.setArrayOfDecimal(fieldName, value);
	}

	@Override
	public void writeArrayOfTime(String fieldName, LocalTime[] value) {
		this.builder.setArrayOfTime(fieldName, value);
	}

	@Override
	public void writeArrayOfDate(String fieldName, LocalDate[] value) {
		this.builder.setArrayOfDate(fieldName, value);
	}

	@Override
	public void writeArrayOfTimestamp(String fieldName, LocalDateTime[] value) {
		this.builder.setArrayOfTimestamp(fieldName, value);
	}

	@Override
	public void writeArrayOfTimestampWithTimezone(String fieldName, OffsetDateTime[] value) {
		this.builder.setArrayOfTimestampWithTimezone(fieldName, value);
	}

	@Override
	public void writeNullableBoolean(String fieldName, Boolean value) {
		this.builder.setNullableBoolean(fieldName, value);
	}

	@Override
	public void writeNullableInt8(String fieldName, Byte value) {
		this.builder.setNullableInt8(fieldName, value);
	}

	@Override
	public void writeNullableInt16(String fieldName, Short value) {
		this.builder.setNullableInt16(fieldName, value);
	}

	@Override
	public void writeNullableInt32(String fieldName, Integer value) {
		this.builder.setNullableInt32(fieldName, value);
	}

	@Override
	public void writeNullableInt64(String fieldName, Long value) {
		this.builder.setNullableInt64(fieldName, value);
	}

	@Override
	public void writeNullableFloat32(String fieldName, Float value) {
		this.builder.setNullableFloat32(fieldName, value);
	}

	@Override
	public void writeNullableFloat64(String fieldName, Double value) {
		this.builder.setNullableFloat64(fieldName, value);
	}

	@Override
	public void writeArrayOfNullableBoolean(String fieldName, Boolean[] value) {
		this.builder.setArrayOfNullableBoolean(fieldName, value);
	}

	@Override
	public void writeArrayOfNullableInt8(String fieldName, Byte[] value) {
		this.builder.setArrayOfNullableInt8(fieldName, value);
	}

	@Override
	public void writeArrayOfNullableInt16(String fieldName, Short[] value) {
		this.builder.setArrayOfNullableInt16(fieldName, value);
	}

	@Override
	public void writeArrayOfNullableInt32(String fieldName, Integer[] value) {
		this.builder.setArrayOfNullableInt32(fieldName, value);
	}

	@Override
	public void writeArrayOfNullableInt64(String fieldName, Long[] value) {
		this.builder.setArrayOfNullableInt64(fieldName, value);
	}

	@Override
	public void writeArrayOfNullableFloat32(String fieldName, Float[] value) {
		this.builder.setArrayOfNullableFloat32(fieldName, value);
	}

	@Override
	public void writeArrayOfNullableFloat64(String fieldName, Double[] value) {
		this.builder.setArrayOfNullableFloat64(fieldName, value);
	}

}
