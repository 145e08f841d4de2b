package dev.sagents.codec.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * An order with a field of every common Compact kind: the primitives, nullable boxed values,
 * strings, decimals, the {@code java.time} kinds, arrays, a nested record and an array of them.
 *
 * @param paid a boolean
 * @param flags an int8
 * @param priority an int16
 * @param count an int32
 * @param id an int64
 * @param weight a float32
 * @param total a float64
 * @param discount a nullable int32
 * @param customer a nullable int64
 * @param note a nullable string
 * @param amount a decimal
 * @param due a date
 * @param cutoff a time
 * @param placed a timestamp
 * @param confirmed a timestamp with time zone
 * @param quantities an array of int32
 * @param tags an array of strings
 * @param signature an array of int8
 * @param checks an array of booleans
 * @param ratings an array of nullable int32
 * @param holidays an array of dates
 * @param primary a nested record, or {@code null}
 * @param lines an array of nested records
 */
public record Order(boolean paid, byte flags, short priority, int count, long id, float weight, double total,
		Integer discount, Long customer, String note, BigDecimal amount, LocalDate due, LocalTime cutoff,
		LocalDateTime placed, OffsetDateTime confirmed, int[] quantities, String[] tags, byte[] signature,
		boolean[] checks, Integer[] ratings, LocalDate[] holidays, Line primary, Line[] lines) {
}
