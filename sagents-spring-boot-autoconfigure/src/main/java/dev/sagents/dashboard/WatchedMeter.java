package dev.sagents.dashboard;

import java.util.List;

import dev.sagents.metrics.MeterNames;

/**
 * A meter the dashboard shows, by name (and tag, to show one outcome), whoever registers it.
 *
 * @param name the meter name, such as {@code sagents.calls}
 * @param tagKey the tag that selects part of the meters of that name, {@code null} for all of them
 * @param tagValue the value of {@code tagKey}
 * @param label what the page shows beside the value
 * @param reading how the value is read from the meters
 */
public record WatchedMeter(String name, String tagKey, String tagValue, String label, Reading reading) {

	/** How a value is read from the meters of one name. */
	public enum Reading {

		/** Events per second: the growth of their counts (counters, timers) over the last interval. */
		COUNT_RATE,

		/** Amount per second: the growth of their totals (a distribution summary) over the last interval. */
		TOTAL_RATE,

		/** The sum of their current values (gauges). */
		SUM,

		/** The largest of their current values (gauges). */
		MAX

	}

	/** The meters of issue 19's table the page shows, in the order it shows them. */
	public static final List<WatchedMeter> ALL = List.of(rate(MeterNames.CALLS, "calls/s"),
			rate(MeterNames.CALLS, "outcome", "error", "call errors/s"),
			rate(MeterNames.CALLS, "outcome", "timeout", "call timeouts/s"), rate(MeterNames.CASTS, "casts/s"),
			rate(MeterNames.CASTS, "outcome", "refused", "casts refused/s"),
			rate(MeterNames.STARTS, "starts/s"), rate(MeterNames.STOPS, "stops/s"),
			rate(MeterNames.RESTARTS, "restarts/s"), rate(MeterNames.FAILURES, "failures/s"),
			rate(MeterNames.GIVEN_UP, "given up/s"), rate(MeterNames.FAILOVERS, "failovers/s"),
			rate(MeterNames.HANDOFFS, "handoffs/s"),
			new WatchedMeter(MeterNames.ENCODED_BYTES, null, null, "encoded bytes/s", Reading.TOTAL_RATE),
			value(MeterNames.PROCESSES_HOSTED, "processes hosted here", Reading.SUM),
			value(MeterNames.REGISTRY_SIZE, "registered processes", Reading.SUM),
			value(MeterNames.MAILBOX_DEPTH_MAX, "deepest mailbox", Reading.MAX),
			value(MeterNames.MAILBOX_DEPTH_SUM, "messages waiting", Reading.SUM));

	private static WatchedMeter rate(String name, String label) {
		return new WatchedMeter(name, null, null, label, Reading.COUNT_RATE);
	}

	private static WatchedMeter rate(String name, String tagKey, String tagValue, String label) {
		return new WatchedMeter(name, tagKey, tagValue, label, Reading.COUNT_RATE);
	}

	private static WatchedMeter value(String name, String label, Reading reading) {
		return new WatchedMeter(name, null, null, label, reading);
	}

}
