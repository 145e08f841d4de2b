package dev.sagents.metrics.micrometer;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.sagents.metrics.CallLocation;
import dev.sagents.metrics.CallOutcome;
import dev.sagents.metrics.Limit;
import dev.sagents.metrics.MeterNames;
import dev.sagents.metrics.SagentsMetrics;
import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessKind;

/**
 * Counts and times the runtime's events as Micrometer meters, all registered up front so that
 * reporting an event is an increment or a record, with no lookup.
 */
public final class MicrometerSagentsMetrics implements SagentsMetrics {

	private final Map<ProcessKind, Counter> starts;

	private final Map<ProcessKind, Counter> stops;

	private final Map<ProcessKind, Counter> restarts;

	private final Map<ProcessKind, Counter> failures;

	private final Map<ProcessKind, Counter> givenUp;

	private final Map<ProcessKind, Timer> failovers;

	private final Map<ProcessKind, Timer> handoffs;

	private final Timer[][] calls = new Timer[CallLocation.values().length][CallOutcome.values().length];

	private final Counter[][] casts = new Counter[CallLocation.values().length][2];

	private final Counter[][] refusals = new Counter[Limit.values().length][ProcessKind.values().length];

	private final DistributionSummary encoded;

	public MicrometerSagentsMetrics(MeterRegistry registry) {
		Arguments.notNull(registry, "registry");
		this.starts = counters(registry, MeterNames.STARTS, "Processes started on this node");
		this.stops = counters(registry, MeterNames.STOPS, "Processes that ended on this node");
		this.restarts = counters(registry, MeterNames.RESTARTS, "Crashed processes started again");
		this.failures = counters(registry, MeterNames.FAILURES, "Process crashes and failed starts");
		this.givenUp = counters(registry, MeterNames.GIVEN_UP, "Processes given up after too many crashes");
		this.failovers = timers(registry, MeterNames.FAILOVERS,
				"Processes of departed members restarted here, timed from the departure");
		this.handoffs = timers(registry, MeterNames.HANDOFFS,
				"Processes this node handed off, draining or rebalancing, timed from the offer to its confirmation");
		for (CallLocation location : CallLocation.values()) {
			for (CallOutcome outcome : CallOutcome.values()) {
				this.calls[location.ordinal()][outcome.ordinal()] = Timer.builder(MeterNames.CALLS)
					.description("Calls made on this node, by where the process ran and how the call ended")
					.tag("location", location.value())
					.tag("outcome", outcome.value())
					.register(registry);
			}
			this.casts[location.ordinal()][0] = cast(registry, location, "refused");
			this.casts[location.ordinal()][1] = cast(registry, location, "accepted");
		}
		for (Limit limit : Limit.values()) {
			for (ProcessKind kind : ProcessKind.values()) {
				this.refusals[limit.ordinal()][kind.ordinal()] = Counter.builder(MeterNames.LIMIT_REFUSALS)
					.description("Calls, casts and replies refused for going over a limit")
					.tag("limit", limit.value())
					.tag("kind", kind.prefix())
					.register(registry);
			}
		}
		this.encoded = DistributionSummary.builder(MeterNames.ENCODED_BYTES)
			.description("Sizes of the messages, replies and events the codec encoded for other members")
			.baseUnit("bytes")
			.register(registry);
	}

	private static Map<ProcessKind, Counter> counters(MeterRegistry registry, String name, String description) {
		return byKind((kind) -> Counter.builder(name).description(description).tag("kind", kind).register(registry));
	}

	private static Map<ProcessKind, Timer> timers(MeterRegistry registry, String name, String description) {
		return byKind((kind) -> Timer.builder(name).description(description).tag("kind", kind).register(registry));
	}

	/** One meter per kind, made by {@code meter} from the kind's tag value. */
	private static <M> Map<ProcessKind, M> byKind(Function<String, M> meter) {
		Map<ProcessKind, M> byKind = new EnumMap<>(ProcessKind.class);
		for (ProcessKind kind : ProcessKind.values()) {
			byKind.put(kind, meter.apply(kind.prefix()));
		}
		return byKind;
	}

	private static Counter cast(MeterRegistry registry, CallLocation location, String outcome) {
		return Counter.builder(MeterNames.CASTS)
			.description("Casts made on this node, by where the process ran and whether they were accepted")
			.tag("location", location.value())
			.tag("outcome", outcome)
			.register(registry);
	}

	@Override
	public void started(ProcessKind kind) {
		this.starts.get(kind).increment();
	}

	@Override
	public void stopped(ProcessKind kind) {
		this.stops.get(kind).increment();
	}

	@Override
	public void failed(ProcessKind kind) {
		this.failures.get(kind).increment();
	}

	@Override
	public void restarted(ProcessKind kind) {
		this.restarts.get(kind).increment();
	}

	@Override
	public void gaveUp(ProcessKind kind) {
		this.givenUp.get(kind).increment();
	}

	@Override
	public void failedOver(ProcessKind kind, long nanos) {
		this.failovers.get(kind).record(nanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void handedOff(ProcessKind kind, long nanos) {
		this.handoffs.get(kind).record(nanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void called(CallLocation location, CallOutcome outcome, long nanos) {
		this.calls[location.ordinal()][outcome.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void cast(CallLocation location, boolean accepted) {
		this.casts[location.ordinal()][accepted ? 1 : 0].increment();
	}

	@Override
	public void refused(Limit limit, ProcessKind kind) {
		this.refusals[limit.ordinal()][kind.ordinal()].increment();
	}

	@Override
	public void encoded(int bytes) {
		this.encoded.record(bytes);
	}

}
