package dev.sagents.dashboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import dev.sagents.dashboard.DashboardSnapshot.RateView;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.search.Search;

/**
 * The watched meters read from a {@link MeterRegistry} by name, so that it works whoever
 * registers them and shows {@code null} for one not registered. A rate is the growth of the
 * meters' counts (or totals) since the previous sample, per second: the first sample of a meter
 * has none, nor has one whose count went down (its meters were replaced), which starts over.
 */
public final class MeterRates implements DashboardRates {

	private static final double NANOS_PER_SECOND = 1e9;

	private final MeterRegistry registry;

	private final LongSupplier nanoTime;

	private final Map<WatchedMeter, Double> previousTotals = new HashMap<>();

	private long previousAt;

	/**
	 * @param registry the application's meters
	 * @param nanoTime a monotonic clock in nanoseconds, {@code System::nanoTime} but in tests
	 */
	public MeterRates(MeterRegistry registry, LongSupplier nanoTime) {
		this.registry = registry;
		this.nanoTime = nanoTime;
	}

	@Override
	public synchronized List<RateView> sample() {
		long now = this.nanoTime.getAsLong();
		double seconds = (now - this.previousAt) / NANOS_PER_SECOND;
		List<RateView> rates = new ArrayList<>(WatchedMeter.ALL.size());
		for (WatchedMeter watched : WatchedMeter.ALL) {
			rates.add(RateView.of(watched, read(watched, seconds)));
		}
		this.previousAt = now;
		return rates;
	}

	private Double read(WatchedMeter watched, double seconds) {
		Collection<Meter> meters = search(watched).meters();
		if (meters.isEmpty()) {
			this.previousTotals.remove(watched);
			return null;
		}
		return switch (watched.reading()) {
			case SUM -> sum(meters, Statistic.VALUE);
			case MAX -> meters.stream()
				.flatMap((meter) -> measurements(meter, Statistic.VALUE))
				.mapToDouble(Measurement::getValue)
				.max()
				.orElse(0);
			case COUNT_RATE -> rate(watched, sum(meters, Statistic.COUNT), seconds);
			case TOTAL_RATE -> rate(watched, sum(meters, Statistic.TOTAL), seconds);
		};
	}

	private Double rate(WatchedMeter watched, double total, double seconds) {
		Double previous = this.previousTotals.put(watched, total);
		if (previous == null || total < previous || seconds <= 0) {
			return null;
		}
		return (total - previous) / seconds;
	}

	private Search search(WatchedMeter watched) {
		Search search = this.registry.find(watched.name());
		return (watched.tagKey() != null) ? search.tag(watched.tagKey(), watched.tagValue()) : search;
	}

	private static double sum(Collection<Meter> meters, Statistic statistic) {
		return meters.stream().flatMap((meter) -> measurements(meter, statistic)).mapToDouble(Measurement::getValue).sum();
	}

	private static Stream<Measurement> measurements(Meter meter, Statistic statistic) {
		List<Measurement> measured = new ArrayList<>();
		meter.measure().forEach(measured::add);
		return measured.stream().filter((measurement) -> measurement.getStatistic() == statistic);
	}

}
