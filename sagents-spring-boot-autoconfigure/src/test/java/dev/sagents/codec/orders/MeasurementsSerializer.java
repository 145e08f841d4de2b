package dev.sagents.codec.orders;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/**
 * Writes {@link Measurements} as the Compact type {@code measurements}; reads both versions, telling
 * them apart by the kind of the {@code unit} field, as Hazelcast's schema evolution suggests.
 */
public final class MeasurementsSerializer implements CompactSerializer<Measurements> {

	/** The Compact type name of measurements. */
	public static final String TYPE_NAME = "measurements";

	/** The unit of readings written before version 2. */
	public static final String UNKNOWN_UNIT = "unknown";

	private final boolean version2;

	/**
	 * @param version2 whether it writes the {@code unit} field, else it writes version 1
	 */
	public MeasurementsSerializer(boolean version2) {
		this.version2 = version2;
	}

	@Override
	public Measurements read(CompactReader reader) {
		String unit = (reader.getFieldKind("unit") == FieldKind.STRING) ? reader.readString("unit") : UNKNOWN_UNIT;
		return new Measurements(reader.readArrayOfInt16("levels"), reader.readArrayOfInt64("counts"),
				reader.readArrayOfFloat32("ratios"), reader.readArrayOfFloat64("means"),
				reader.readArrayOfDecimal("amounts"), reader.readArrayOfTime("times"),
				reader.readArrayOfTimestamp("taken"), reader.readArrayOfTimestampWithTimezone("logged"),
				reader.readNullableBoolean("calibrated"), reader.readNullableInt8("channel"),
				reader.readNullableInt16("sensor"), reader.readNullableFloat32("low"), reader.readNullableFloat64("high"),
				reader.readArrayOfNullableBoolean("checks"), reader.readArrayOfNullableInt8("channels"),
				reader.readArrayOfNullableInt16("sensors"), reader.readArrayOfNullableInt64("counters"),
				reader.readArrayOfNullableFloat32("lows"), reader.readArrayOfNullableFloat64("highs"), unit);
	}

	@Override
	public void write(CompactWriter writer, Measurements measurements) {
		writer.writeArrayOfInt16("levels", measurements.levels());
		writer.writeArrayOfInt64("counts", measurements.counts());
		writer.writeArrayOfFloat32("ratios", measurements.ratios());
		writer.writeArrayOfFloat64("means", measurements.means());
		writer.writeArrayOfDecimal("amounts", measurements.amounts());
		writer.writeArrayOfTime("times", measurements.times());
		writer.writeArrayOfTimestamp("taken", measurements.taken());
		writer.writeArrayOfTimestampWithTimezone("logged", measurements.logged());
		writer.writeNullableBoolean("calibrated", measurements.calibrated());
		writer.writeNullableInt8("channel", measurements.channel());
		writer.writeNullableInt16("sensor", measurements.sensor());
		writer.writeNullableFloat32("low", measurements.low());
		writer.writeNullableFloat64("high", measurements.high());
		writer.writeArrayOfNullableBoolean("checks", measurements.checks());
		writer.writeArrayOfNullableInt8("channels", measurements.channels());
		writer.writeArrayOfNullableInt16("sensors", measurements.sensors());
		writer.writeArrayOfNullableInt64("counters", measurements.counters());
		writer.writeArrayOfNullableFloat32("lows", measurements.lows());
		writer.writeArrayOfNullableFloat64("highs", measurements.highs());
		if (this.version2) {
			writer.writeString("unit", measurements.unit());
		}
	}

	@Override
	public String getTypeName() {
		return TYPE_NAME;
	}

	@Override
	public Class<Measurements> getCompactClass() {
		return Measurements.class;
	}

}
