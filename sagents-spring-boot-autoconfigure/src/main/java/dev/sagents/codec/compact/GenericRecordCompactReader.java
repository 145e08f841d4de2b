package dev.sagents.codec.compact;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.function.Function;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;

/**
 * What an application's {@code CompactSerializer} reads, from the fields of a {@link GenericRecord}
 * the codec decoded. Its getters follow the {@link CompactReader} contract (a nullable field read as
 * a primitive when it holds a value, a primitive one read as nullable). A nested record
 * ({@link #readCompact}, {@link #readArrayOfCompact}) becomes a value through the codec, which
 * reads it with the serializer of its type name, so nothing here resolves a type name to a class.
 */
final class GenericRecordCompactReader implements CompactReader {

	private final GenericRecord record;

	private final Function<GenericRecord, Object> nested;

	/**
	 * @param record the record being read
	 * @param nested the value of a nested record ({@code null} for {@code null}), read by the
	 * serializer of its type name
	 */
	GenericRecordCompactReader(GenericRecord record, Function<GenericRecord, Object> nested) {
		this.record = record;
		this.nested = nested;
	}

	@Override
	public FieldKind getFieldKind(String fieldName) {
		return this.record.getFieldKind(fieldName);
	}

	/** A nested value of another type than expected fails where the serializer assigns it. */
	@Override
	@SuppressWarnings("unchecked")
	public <T> T readCompact(String fieldName) {
		return (T) this.nested.apply(this.record.getGenericRecord(fieldName));
	}

	/** The array is of {@code componentType}, which the serializer names; an item of another type fails. */
	@Override
	@SuppressWarnings("unchecked")
	public <T> T[] readArrayOfCompact(String fieldName, Class<T> componentType) {
		GenericRecord[] records = this.record.getArrayOfGenericRecord(fieldName);
		if (records == null) {
			return null;
		}
		T[] values = (T[]) Array.newInstance(componentType, records.length);
		for (int i = 0; i < records.length; i++) {
			values[i] = componentType.cast(this.nested.apply(records[i]));
		}
		return values;
	}

	@Override
	public boolean readBoolean(String fieldName) {
		return this.record.getBoolean(fieldName);
	}

	@Override
	public byte readInt8(String fieldName) {
		return this.record.getInt8(fieldName);
	}

	@Override
	public short readInt16(String fieldName) {
		return this.record.getInt16(fieldName);
	}

	@Override
	public int readInt32(String fieldName) {
		return this.record.getInt32(fieldName);
	}

	@Override
	public long readInt64(String fieldName) {
		return this.record.getInt64(fieldName);
	}

	@Override
	public float readFloat32(String fieldName) {
		return this.record.getFloat32(fieldName);
	}

	@Override
	public double readFloat64(String fieldName) {
		return this.record.getFloat64(fieldName);
	}

	@Override
	public String readString(String fieldName) {
		return this.record.getString(fieldName);
	}

	@Override
	public BigDecimal readDecimal(String fieldName) {
		return this.record.getDecimal(fieldName);
	}

	@Override
	public LocalTime readTime(String fieldName) {
		return this.record.getTime(fieldName);
	}

	@Override
	public LocalDate readDate(String fieldName) {
		return this.record.getDate(fieldName);
	}

	@Override
	public LocalDateTime readTimestamp(String fieldName) {
		return this.record.getTimestamp(fieldName);
	}

	@Override
	public OffsetDateTime readTimestampWithTimezone(String fieldName) {
		return this.record.getTimestampWithTimezone(fieldName);
	}

	@Override
	public boolean[] readArrayOfBoolean(String fieldName) {
		return this.record.getArrayOfBoolean(fieldName);
	}

	@Override
	public byte[] readArrayOfInt8(String fieldName) {
		return this.record.getArrayOfInt8(fieldName);
	}

	@Override
	public short[] readArrayOfInt16(String fieldName) {
		return this.record.getArrayOfInt16(fieldName);
	}

	@Override
	public int[] readArrayOfInt32(String fieldName) {
		return this.record.getArrayOfInt32(fieldName);
	}

	@Override
	public long[] readArrayOfInt64(String fieldName) {
		return this.record.getArrayOfInt64(fieldName);
	}

	@Override
	public float[] readArrayOfFloat32(String fieldName) {
		return this.record.getArrayOfFloat32(fieldName);
	}

	@Override
	public double[] readArrayOfFloat64(String fieldName) {
		return this.record.getArrayOfFloat64(fieldName);
	}

	@Override
	public String[] readArrayOfString(String fieldName) {
		return this.record.getArrayOfString(fieldName);
	}

	@Override
	public BigDecimal[] readArrayOfDecimal(String fieldName) {
		return this.record.getArrayOfDecimal(fieldName);
	}

	@Override
	public LocalTime[] readArrayOfTime(String fieldName) {
		return this.record.getArrayOfTime(fieldName);
	}

	@Override
	public LocalDate[] readArrayOfDate(String fieldName) {
		return this.record.getArrayOfDate(fieldName);
	}

	@Override
	public LocalDateTime[] readArrayOfTimestamp(String fieldName) {
		return this.record.getArrayOfTimestamp(fieldName);
	}

	@Override
	public OffsetDateTime[] readArrayOfTimestampWithTimezone(String fieldName) {
		return this.record.getArrayOfTimestampWithTimezone(fieldName);
	}

	@Override
	public Boolean readNullableBoolean(String fieldName) {
		return this.record.getNullableBoolean(fieldName);
	}

	@Override
	public Byte readNullableInt8(String fieldName) {
		return this.record.getNullableInt8(fieldName);
	}

	@Override
	public Short readNullableInt16(String fieldName) {
		return this.record.getNullableInt16(fieldName);
	}

	@Override
	public Integer readNullableInt32(String fieldName) {
		return this.record.getNullableInt32(fieldName);
	}

	@Override
	public Long readNullableInt64(String fieldName) {
		return this.record.getNullableInt64(fieldName);
	}

	@Override
	public Float readNullableFloat32(String fieldName) {
		return this.record.getNullableFloat32(fieldName);
	}

	@Override
	public Double readNullableFloat64(String fieldName) {
		return this.record.getNullableFloat64(fieldName);
	}

	@Override
	public Boolean[] readArrayOfNullableBoolean(String fieldName) {
		return this.record.getArrayOfNullableBoolean(fieldName);
	}

	@Override
	public Byte[] readArrayOfNullableInt8(String fieldName) {
		return this.record.getArrayOfNullableInt8(fieldName);
	}

	@Override
	public Short[] readArrayOfNullableInt16(String fieldName) {
		return this.record.getArrayOfNullableInt16(fieldName);
	}

	@Override
	public Integer[] readArrayOfNullableInt32(String fieldName) {
		return this.record.getArrayOfNullableInt32(fieldName);
	}

	@Override
	public Long[] readArrayOfNullableInt64(String fieldName) {
		return this.record.getArrayOfNullableInt64(fieldName);
	}

	@Override
	public Float[] readArrayOfNullableFloat32(String fieldName) {
		return this.record.getArrayOfNullableFloat32(fieldName);
	}

	@Override
	public Double[] readArrayOfNullableFloat64(String fieldName) {
		return this.record.getArrayOfNullableFloat64(fieldName);
	}

}
