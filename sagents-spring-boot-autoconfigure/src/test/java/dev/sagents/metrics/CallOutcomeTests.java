package dev.sagents.metrics;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

import dev.sagents.process.CallTimeoutException;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessNotRunningException;

import static org.assertj.core.api.Assertions.assertThat;

/** How a call's end becomes the {@code outcome} tag, through the wrappers a future adds. */
class CallOutcomeTests {

	private static final ProcessKey KEY = ProcessKey.agent("a1");

	@Test
	void aReplyIsASuccess() {
		assertThat(CallOutcome.of(null)).isEqualTo(CallOutcome.SUCCESS);
	}

	@Test
	void aTimeoutIsATimeoutAlsoInsideTheWrappersOfAFuture() {
		CallTimeoutException timeout = new CallTimeoutException(KEY, Duration.ofSeconds(1));
		assertThat(CallOutcome.of(timeout)).isEqualTo(CallOutcome.TIMEOUT);
		assertThat(CallOutcome.of(new CompletionException(timeout))).isEqualTo(CallOutcome.TIMEOUT);
		assertThat(CallOutcome.of(new ExecutionException(new CompletionException(timeout))))
			.isEqualTo(CallOutcome.TIMEOUT);
	}

	@Test
	void anyOtherErrorIsAnError() {
		assertThat(CallOutcome.of(new CompletionException(new ProcessNotRunningException(KEY))))
			.isEqualTo(CallOutcome.ERROR);
		assertThat(CallOutcome.of(new CompletionException(null))).isEqualTo(CallOutcome.ERROR);
	}

}
