package dev.sagents.codec.orders;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * Sensor readings with a field of every Compact kind {@link Order} does not have: the other
 * arrays of primitives and of {@code java.time} values, the other nullable boxed values and their
 * arrays, and a field added in a later version.
 *
 * @param levels an array of int16
 * @param counts an array of int64
 * @param ratios an array of float32
 * @param means an array of float64
 * @param amounts an array of decimals
 * @param times an array of times
 * @param taken an array of timestamps
 * @param logged an array of timestamps with time zone
 * @param calibrated a nullable boolean
 * @param channel a nullable int8
 * @param sensor a nullable int16
 * @param low a nullable float32
 * @param high a nullable float64
 * @param checks an array of nullable booleans
 * @param channels an array of nullable int8
 * @param sensors an array of nullable int16
 * @param counters an array of nullable int64
 * @param lows an array of nullable float32
 * @param highs an array of nullable float64
 * @param unit a string added in version 2; readings written before it have the unit {@code "unknown"}
 */
public record Measurements(short[] levels, long[] counts, float[] ratios, double[] means, BigDecimal[] amounts,
		LocalTime[] times, LocalDateTime[] taken, OffsetDateTime[] logged, Boolean calibrated, Byte channel,
		Short sensor, Float low, Double high, Boolean[] checks, Byte[] channels, Short[] sensors, Long[] counters,
		Float[] lows, Double[] highs, String unit) {
}
