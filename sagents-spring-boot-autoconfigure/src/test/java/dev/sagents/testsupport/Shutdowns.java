package dev.sagents.testsupport;

import java.time.Duration;
import java.util.List;

import dev.sagents.agent.AgentEvent;
import dev.sagents.supervisor.ExitReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Waits for how an agent ended, as its subscribers hear it. */
public final class Shutdowns {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private Shutdowns() {
	}

	/**
	 * Waits until {@code events} hold a {@link AgentEvent.Shutdown} for {@code reason}, and checks
	 * it is the only one: an earlier end would have come before it.
	 */
	public static void awaitTheOnlyShutdown(List<AgentEvent> events, ExitReason reason) {
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(events).filteredOn(AgentEvent.Shutdown.class::isInstance)
				.singleElement()
				.satisfies((event) -> assertThat(((AgentEvent.Shutdown) event).reason()).isEqualTo(reason)));
	}

}
