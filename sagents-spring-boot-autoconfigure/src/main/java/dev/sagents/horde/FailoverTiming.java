package dev.sagents.horde;

import java.util.function.BiConsumer;
import java.util.function.BiFunction;

import com.hazelcast.core.HazelcastJsonValue;

import dev.sagents.metrics.SagentsMetrics;
import dev.sagents.process.ProcessRef;
import dev.sagents.supervisor.StartResult;

/**
 * Times failovers: from this node noticing that a member left to the start here of one of the
 * processes it hosted. With departures close together, a restart is timed from the last one.
 */
final class FailoverTiming {

	private final SagentsMetrics metrics;

	private volatile long lastDeparture = System.nanoTime();

	FailoverTiming(SagentsMetrics metrics) {
		this.metrics = metrics;
	}

	/** A member left now. */
	void memberLeft() {
		this.lastDeparture = System.nanoTime();
	}

	/** {@code start}, a restart of a departed member's process, reporting those that started now. */
	BiConsumer<Registration, HazelcastJsonValue> timed(
			BiFunction<Registration, HazelcastJsonValue, StartResult<ProcessRef>> start) {
		return (registration, json) -> {
			if (!start.apply(registration, json).alreadyStarted()) {
				this.metrics.failedOver(registration.key().kind(), System.nanoTime() - this.lastDeparture);
			}
		};
	}

}
