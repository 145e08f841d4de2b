package dev.sagents.horde;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.sagents.process.SagentsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The deadlines the parts of a node measure; bounds only, never how long something took. */
class TimingTests {

	@Test
	void theTimeSinceAMomentCountsFromThatMoment() {
		long fiveSecondsAgo = System.nanoTime() - TimeUnit.SECONDS.toNanos(5);
		assertThat(Timing.millisSince(fiveSecondsAgo)).isGreaterThanOrEqualTo(5_000).isLessThan(TimeUnit.HOURS.toMillis(1));
	}

	@Test
	void whatIsLeftUntilADeadlineIsAtLeastANanosecond() {
		assertThat(Timing.remaining(System.nanoTime() - TimeUnit.SECONDS.toNanos(5))).isEqualTo(Duration.ofNanos(1));
		assertThat(Timing.remaining(System.nanoTime() + TimeUnit.HOURS.toNanos(1))).isLessThanOrEqualTo(Duration.ofHours(1))
			.isGreaterThan(Duration.ofMinutes(59));
	}

	@Test
	void anInterruptedPauseEndsWithTheInterruptKept() {
		Thread.currentThread().interrupt();
		try {
			assertThatExceptionOfType(SagentsException.class).isThrownBy(() -> Timing.pause(TimeUnit.HOURS.toMillis(1)))
				.withMessage("Interrupted")
				.withCauseInstanceOf(InterruptedException.class);
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

}
