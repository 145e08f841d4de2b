package dev.sagents.horde;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import com.hazelcast.core.HazelcastJsonValue;
import org.junit.jupiter.api.Test;

import dev.sagents.agent.AgentSpec;
import dev.sagents.metrics.SagentsMetrics;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessRef;
import dev.sagents.supervisor.StartResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FailoverTiming}: every restart of an orphan is a failover, timed from when this node first
 * noticed it (its member's departure event, or a sweep before it), on a clock the test moves.
 */
class FailoverTimingTests {

	/** How long the node ran before anything left: no failover may be timed from its start. */
	private static final Duration UPTIME = Duration.ofHours(1);

	private final AtomicLong clock = new AtomicLong(-123_456_789L);

	private final List<Failover> failovers = new ArrayList<>();

	private final FailoverTiming timing = new FailoverTiming(new SagentsMetrics() {

		@Override
		public void failedOver(ProcessKind kind, long nanos) {
			FailoverTimingTests.this.failovers.add(new Failover(kind, Duration.ofNanos(nanos)));
		}

	}, this.clock::get);

	private final Registration agent = Registration.ofAgent(AgentSpec.of("a-1"), "survivor-uuid", "n1");

	private final Registration scope = Registration.ofFileSystem("scope-1", "survivor-uuid", "n1");

	private final BiConsumer<Registration, HazelcastJsonValue> restart = this.timing
		.timed((registration, json) -> new StartResult<ProcessRef>(null, false));

	@Test
	void aRestartIsTimedFromTheDepartureThatOrphanedItNotFromTheNodesStart() {
		advance(UPTIME);
		this.timing.noticed(ProcessKind.AGENT, Set.of("a-1"), this.timing.now());
		advance(Duration.ofMillis(250));

		restart(this.agent);

		assertThat(this.failovers).containsExactly(new Failover(ProcessKind.AGENT, Duration.ofMillis(250)));
	}

	@Test
	void aRestartASweepFoundBeforeTheDepartureEventCountsAndIsTimedFromTheSweep() {
		advance(UPTIME);
		long sweep = this.timing.now();
		this.timing.noticed(ProcessKind.FILESYSTEM, Set.of("scope-1"), sweep);
		advance(Duration.ofMillis(40));
		this.timing.noticed(ProcessKind.FILESYSTEM, Set.of("scope-1"), this.timing.now());
		advance(Duration.ofMillis(60));

		restart(this.scope);

		assertThat(this.failovers).containsExactly(new Failover(ProcessKind.FILESYSTEM, Duration.ofMillis(100)));
	}

	@Test
	void anOrphanAnotherMemberRestartedIsForgottenSoItsNextFailoverIsTimedFromItsOwnDeparture() {
		this.timing.noticed(ProcessKind.AGENT, Set.of("a-1"), this.timing.now());
		this.timing.forget(ProcessKind.AGENT, Set.of("a-1"));
		advance(UPTIME);
		this.timing.noticed(ProcessKind.AGENT, Set.of("a-1"), this.timing.now());
		advance(Duration.ofMillis(30));

		restart(this.agent);

		assertThat(this.failovers).containsExactly(new Failover(ProcessKind.AGENT, Duration.ofMillis(30)));
	}

	@Test
	void aProcessFoundRunningAlreadyIsNoFailover() {
		this.timing.noticed(ProcessKind.AGENT, Set.of("a-1"), this.timing.now());
		BiConsumer<Registration, HazelcastJsonValue> foundRunning = this.timing
			.timed((registration, json) -> StartResult.foundRunning(null));

		foundRunning.accept(this.agent, this.agent.toJson());

		assertThat(this.failovers).isEmpty();
	}

	private void restart(Registration registration) {
		this.restart.accept(registration, registration.toJson());
	}

	private void advance(Duration duration) {
		this.clock.addAndGet(duration.toNanos());
	}

	private record Failover(ProcessKind kind, Duration took) {
	}

}
