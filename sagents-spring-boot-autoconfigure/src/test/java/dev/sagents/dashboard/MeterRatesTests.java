package dev.sagents.dashboard;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.sagents.dashboard.DashboardSnapshot.RateView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's rates and values, read by name from a {@code MeterRegistry}. */
class MeterRatesTests {

	private static final long SECOND = 1_000_000_000L;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final AtomicLong now = new AtomicLong(5 * SECOND);

	private final MeterRates rates = new MeterRates(this.registry, this.now::get);

	@Test
	void absentMetersAreUnknownAndEveryWatchedMeterIsListedInOrder() {
		List<RateView> sample = this.rates.sample();
		assertThat(sample).extracting(RateView::label)
			.containsExactlyElementsOf(WatchedMeter.ALL.stream().map(WatchedMeter::label).toList());
		assertThat(sample).extracting(RateView::value).containsOnlyNulls();
	}

	@Test
	void aCounterRateIsItsGrowthPerSecondAcrossEveryTagOnceThereIsAnEarlierSample() {
		Counter agents = this.registry.counter("sagents.process.starts", "kind", "agent");
		Counter fileSystems = this.registry.counter("sagents.process.starts", "kind", "filesystem");
		agents.increment(7);
		assertThat(value(this.rates.sample(), "starts/s")).as("first sample").isNull();
		agents.increment(3);
		fileSystems.increment(5);
		this.now.addAndGet(2 * SECOND);
		assertThat(value(this.rates.sample(), "starts/s")).isEqualTo(4.0);
		this.now.addAndGet(SECOND / 2);
		assertThat(value(this.rates.sample(), "starts/s")).isEqualTo(0.0);
	}

	@Test
	void aTagSelectsOneOutcomeOfATimer() {
		Timer success = this.registry.timer("sagents.calls", "location", "local", "outcome", "success");
		Timer error = this.registry.timer("sagents.calls", "location", "remote", "outcome", "error");
		this.rates.sample();
		for (int i = 0; i < 6; i++) {
			success.record(1, TimeUnit.MILLISECONDS);
		}
		error.record(1, TimeUnit.MILLISECONDS);
		error.record(1, TimeUnit.MILLISECONDS);
		this.now.addAndGet(SECOND);
		List<RateView> sample = this.rates.sample();
		assertThat(value(sample, "calls/s")).isEqualTo(8.0);
		assertThat(value(sample, "call errors/s")).isEqualTo(2.0);
		assertThat(value(sample, "call timeouts/s")).as("no meter with outcome=timeout").isNull();
	}

	@Test
	void encodedBytesAreTheGrowthOfTheSummaryTotalNotOfItsCount() {
		DistributionSummary bytes = this.registry.summary("sagents.codec.encoded.bytes");
		this.rates.sample();
		bytes.record(1000);
		bytes.record(500);
		this.now.addAndGet(SECOND);
		assertThat(value(this.rates.sample(), "encoded bytes/s")).isEqualTo(1500.0);
	}

	@Test
	void gaugesAreSummedOrTheLargestTakenAndNeedNoEarlierSample() {
		AtomicInteger agents = new AtomicInteger(4);
		Gauge.builder("sagents.processes.hosted", agents, AtomicInteger::get).tag("kind", "agent").register(this.registry);
		Gauge.builder("sagents.processes.hosted", () -> 2).tag("kind", "filesystem").register(this.registry);
		Gauge.builder("sagents.mailbox.depth.max", () -> 9).tag("node", "n1").register(this.registry);
		Gauge.builder("sagents.mailbox.depth.max", () -> 3).tag("node", "n2").register(this.registry);
		List<RateView> sample = this.rates.sample();
		assertThat(value(sample, "processes hosted here")).isEqualTo(6.0);
		assertThat(value(sample, "deepest mailbox")).isEqualTo(9.0);
	}

	@Test
	void aCountThatWentDownStartsOverInsteadOfShowingANegativeRate() {
		Counter first = this.registry.counter("sagents.casts", "outcome", "accepted");
		first.increment(10);
		this.rates.sample();
		this.registry.remove(first);
		this.registry.counter("sagents.casts", "outcome", "accepted").increment(1);
		this.now.addAndGet(SECOND);
		assertThat(value(this.rates.sample(), "casts/s")).isNull();
		this.registry.counter("sagents.casts", "outcome", "accepted").increment(3);
		this.now.addAndGet(SECOND);
		assertThat(value(this.rates.sample(), "casts/s")).isEqualTo(3.0);
	}

	@Test
	void aMeterThatDisappearsIsUnknownAndItsRateStartsOverWhenItReturns() {
		Counter failovers = this.registry.counter("sagents.process.failures");
		this.rates.sample();
		this.registry.remove(failovers);
		this.now.addAndGet(SECOND);
		assertThat(value(this.rates.sample(), "failures/s")).isNull();
		this.registry.counter("sagents.process.failures").increment(50);
		this.now.addAndGet(SECOND);
		assertThat(value(this.rates.sample(), "failures/s")).as("no sample since it returned").isNull();
	}

	private static Double value(List<RateView> sample, String label) {
		return sample.stream().filter((rate) -> rate.label().equals(label)).findFirst().orElseThrow().value();
	}

}
