package dev.sagents.observation;

import java.util.regex.Pattern;

/**
 * The W3C trace context (<a href="https://www.w3.org/TR/trace-context/">Trace Context</a>) that
 * a call or cast carries to another member, so that one trace spans both. Only these two fields
 * travel, as strings in fixed places of the envelope: nothing received ever chooses a class.
 * Both are checked and bounded wherever they are made or read.
 *
 * @param traceparent {@code version-traceid-parentid-flags}, lowercase hex: 55 characters
 * @param tracestate the vendors' entries, or {@code null}; at most {@link #MAX_TRACESTATE_LENGTH}
 * printable ASCII characters
 */
public record TraceHeaders(String traceparent, String tracestate) {

	/** The header that names the trace and the calling span. */
	public static final String TRACEPARENT = "traceparent";

	/** The header with the vendors' entries. */
	public static final String TRACESTATE = "tracestate";

	/** The longest {@code tracestate} that travels (W3C asks propagators to keep at least 512). */
	public static final int MAX_TRACESTATE_LENGTH = 512;

	/** The length of a version-00 {@code traceparent}. */
	public static final int TRACEPARENT_LENGTH = 55;

	private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

	private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7e]*");

	/** @throws IllegalArgumentException if either header is malformed or too long */
	public TraceHeaders {
		if (!isValidTraceparent(traceparent)) {
			throw new IllegalArgumentException("Malformed traceparent header: " + shortened(traceparent));
		}
		if (tracestate != null && !isValidTracestate(tracestate)) {
			throw new IllegalArgumentException("Malformed tracestate header (at most " + MAX_TRACESTATE_LENGTH
					+ " printable ASCII characters): " + shortened(tracestate));
		}
	}

	/**
	 * The headers, or {@code null} when {@code traceparent} is missing or malformed; a malformed or
	 * too long {@code tracestate} is left out (W3C lets a propagator drop it), the trace goes on.
	 */
	public static TraceHeaders ofNullable(String traceparent, String tracestate) {
		if (!isValidTraceparent(traceparent)) {
			return null;
		}
		return new TraceHeaders(traceparent, (tracestate != null && isValidTracestate(tracestate)) ? tracestate : null);
	}

	/** The value of header {@code name}, or {@code null} for none or another header. */
	public String get(String name) {
		return switch (name) {
			case TRACEPARENT -> this.traceparent;
			case TRACESTATE -> this.tracestate;
			default -> null;
		};
	}

	private static boolean isValidTraceparent(String value) {
		return value != null && value.length() == TRACEPARENT_LENGTH && TRACEPARENT_FORMAT.matcher(value).matches()
				&& !value.startsWith("ff") && !value.regionMatches(3, "00000000000000000000000000000000", 0, 32)
				&& !value.regionMatches(36, "0000000000000000", 0, 16);
	}

	private static boolean isValidTracestate(String value) {
		return value.length() <= MAX_TRACESTATE_LENGTH && PRINTABLE_ASCII.matcher(value).matches();
	}

	private static String shortened(String value) {
		if (value == null) {
			return "null";
		}
		return (value.length() <= 64) ? "'" + value + "'" : "'" + value.substring(0, 64) + "...' (" + value.length() + " characters)";
	}

}
