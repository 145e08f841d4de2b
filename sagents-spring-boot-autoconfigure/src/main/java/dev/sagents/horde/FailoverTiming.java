package dev.sagents.horde;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

import com.hazelcast.core.HazelcastJsonValue;

import dev.sagents.metrics.SagentsMetrics;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessRef;
import dev.sagents.supervisor.StartResult;

/**
 * Times failovers: from this node first noticing that a process was orphaned to its start here.
 * A process is noticed either by the departure event of its member (the time of the event, however
 * late the recovery pass that finds it runs) or by a sweep that found it orphaned before any event
 * did; the earlier notice counts. Every restart of an orphan is a failover, so one a sweep found
 * before the departure event came is counted too. Never timed from this node's start.
 */
final class FailoverTiming {

	private final SagentsMetrics metrics;

	private final LongSupplier nanoClock;

	/** When each orphan this node may restart was first noticed, until it restarts or is forgotten. */
	private final Map<ProcessKey, Long> noticed = new ConcurrentHashMap<>();

	/**
	 * @param nanoClock the time in nanoseconds, as {@link System#nanoTime()} tells it
	 */
	FailoverTiming(SagentsMetrics metrics, LongSupplier nanoClock) {
		this.metrics = metrics;
		this.nanoClock = nanoClock;
	}

	/** The time now, to stamp a departure event or a sweep with. */
	long now() {
		return this.nanoClock.getAsLong();
	}

	/**
	 * The orphans {@code ids} of {@code kind} were noticed at {@code at} ({@link #now()} of the
	 * departure event, or of the pass that found them); an earlier notice of one is kept.
	 */
	void noticed(ProcessKind kind, Collection<String> ids, long at) {
		for (String id : ids) {
			this.noticed.merge(new ProcessKey(kind, id), at, (earlier, later) -> (later - earlier < 0) ? later : earlier);
		}
	}

	/** Forgets the notices of {@code ids} of {@code kind} not restarted here: another member took them. */
	void forget(ProcessKind kind, Collection<String> ids) {
		for (String id : ids) {
			this.noticed.remove(new ProcessKey(kind, id));
		}
	}

	/**
	 * {@code start}, a restart of an orphan, reporting those that started now, each timed from its
	 * notice (one never noticed, which no recovery pass starts, as taking no time).
	 */
	BiConsumer<Registration, HazelcastJsonValue> timed(
			BiFunction<Registration, HazelcastJsonValue, StartResult<ProcessRef>> start) {
		return (registration, json) -> {
			boolean started = !start.apply(registration, json).alreadyStarted();
			Long at = this.noticed.remove(registration.key());
			if (started) {
				long now = now();
				this.metrics.failedOver(registration.key().kind(), (at != null) ? now - at : 0);
			}
		};
	}

}
