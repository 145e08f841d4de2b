package dev.sagents.dashboard;

import java.util.List;

/** Reads the {@link WatchedMeter watched meters} now, each call one sample. */
@FunctionalInterface
public interface DashboardRates {

	/**
	 * One value per watched meter, in {@link WatchedMeter#ALL}'s order, {@code null} where the
	 * meter is absent or a rate has no earlier sample to compare with yet.
	 */
	List<DashboardSnapshot.RateView> sample();

	/** What a node without a {@code MeterRegistry} shows: every value unknown. */
	static DashboardRates none() {
		List<DashboardSnapshot.RateView> unknown = WatchedMeter.ALL.stream()
			.map((meter) -> DashboardSnapshot.RateView.of(meter, null))
			.toList();
		return () -> unknown;
	}

}
