package dev.sagents.supervisor;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The restart limit a supervisor applies, as configured by {@code sagents.*.restart-intensity}. */
class RestartIntensityTests {

	@Test
	void zeroRestartsIsAllowedAndMeansACrashIsFinal() {
		assertThat(new RestartIntensity(0, Duration.ofSeconds(5)).maxRestarts()).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> new RestartIntensity(-1, Duration.ofSeconds(5)))
			.withMessage("maxRestarts must be >= 0, got -1");
	}

	@Test
	void theWindowMustBePositive() {
		assertThat(new RestartIntensity(3, Duration.ofMillis(1)).window()).isEqualTo(Duration.ofMillis(1));
		assertThatIllegalArgumentException().isThrownBy(() -> new RestartIntensity(3, null))
			.withMessage("'window' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new RestartIntensity(3, Duration.ZERO))
			.withMessage("window must be positive, got PT0S");
		assertThatIllegalArgumentException().isThrownBy(() -> new RestartIntensity(3, Duration.ofSeconds(-1)))
			.withMessage("window must be positive, got PT-1S");
	}

	@Test
	void theDefaultIsErlangsThreeRestartsInFiveSeconds() {
		assertThat(RestartIntensity.defaults()).isEqualTo(new RestartIntensity(3, Duration.ofSeconds(5)));
	}

}
