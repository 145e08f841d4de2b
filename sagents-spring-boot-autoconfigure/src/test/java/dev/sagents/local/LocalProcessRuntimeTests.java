package dev.sagents.local;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The node's process host: what its own thread means for the JVM that runs it. */
class LocalProcessRuntimeTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void theTimerThreadIsNamedForThreadDumpsAndDoesNotKeepTheJvmAliveIfTheNodeIsNeverClosed() throws Exception {
		try (LocalProcessRuntime runtime = new LocalProcessRuntime("n1", Runnable::run)) {
			Thread timer = runtime.timer().submit(Thread::currentThread).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(timer.getName()).isEqualTo("sagents-timer");
			assertThat(timer.isDaemon()).isTrue();
		}
	}

}
