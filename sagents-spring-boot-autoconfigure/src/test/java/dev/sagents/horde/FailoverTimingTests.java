package dev.sagents.horde;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import com.hazelcast.core.HazelcastJsonValue;
import org.junit.jupiter.api.Test;

import dev.sagents.metrics.SagentsMetrics;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessRef;
import dev.sagents.supervisor.StartResult;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link FailoverTiming}: only a restart after a member left is a failover. */
class FailoverTimingTests {

	private final List<ProcessKind> failovers = new ArrayList<>();

	private final FailoverTiming timing = new FailoverTiming(new SagentsMetrics() {

		@Override
		public void failedOver(ProcessKind kind, long nanos) {
			FailoverTimingTests.this.failovers.add(kind);
		}

	});

	private final BiConsumer<Registration, HazelcastJsonValue> restart = this.timing
		.timed((registration, json) -> new StartResult<ProcessRef>(null, false));

	private final Registration scope = Registration.ofFileSystem("scope-1", "host-uuid", "node-1");

	@Test
	void aRestartWithNoDepartureBeforeItIsNoFailover() {
		this.restart.accept(this.scope, this.scope.toJson());

		assertThat(this.failovers).isEmpty();
	}

	@Test
	void aRestartAfterAMemberLeftIsAFailover() {
		this.timing.memberLeft();
		this.restart.accept(this.scope, this.scope.toJson());

		assertThat(this.failovers).containsExactly(ProcessKind.FILESYSTEM);
	}

}
