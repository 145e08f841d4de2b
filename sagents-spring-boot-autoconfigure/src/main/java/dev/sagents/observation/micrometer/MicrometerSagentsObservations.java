package dev.sagents.observation.micrometer;

import java.util.concurrent.CompletionException;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;

import dev.sagents.metrics.CallLocation;
import dev.sagents.observation.Exchange;
import dev.sagents.observation.Observed;
import dev.sagents.observation.SagentsObservations;
import dev.sagents.observation.TraceHeaders;
import dev.sagents.process.ProcessKey;

/**
 * Calls and casts as Micrometer observations: {@code sagents.call} and {@code sagents.cast} on
 * the caller's side, and {@code sagents.handle} on the member that handles a call sent from another,
 * or a cast. A remote call, and every cast, is observed with a {@code SenderContext}, so Micrometer
 * Tracing injects its trace context ({@link OutgoingContext}); the handling side extracts it with a
 * {@link ReceiverContext}. Low-cardinality key values: {@code sagents.location} ({@code local},
 * {@code remote}) on the caller's side, {@code sagents.exchange} ({@code call}, {@code cast}) on the
 * handling side; high-cardinality: {@code sagents.agent.id}.
 */
public final class MicrometerSagentsObservations implements SagentsObservations {

	/** The name of the observation of a handling on the member that hosts the agent. */
	public static final String HANDLE = "sagents.handle";

	static final String LOCATION = "sagents.location";

	static final String EXCHANGE = "sagents.exchange";

	static final String AGENT_ID = "sagents.agent.id";

	private final ObservationRegistry registry;

	public MicrometerSagentsObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Observed send(Exchange exchange, ProcessKey key, CallLocation location) {
		// A cast passes its trace context on to its handling, wherever that is; a local call is handled in scope.
		Observation.Context context = (exchange == Exchange.CAST) ? new OutgoingContext(Kind.PRODUCER)
				: (location == CallLocation.REMOTE) ? new OutgoingContext(Kind.CLIENT) : new Observation.Context();
		return started(Observation.createNotStarted(exchange.observationName(), () -> context, this.registry)
			.lowCardinalityKeyValue(LOCATION, location.value())
			.highCardinalityKeyValue(AGENT_ID, key.id()));
	}

	@Override
	public Observed receive(Exchange exchange, ProcessKey key, TraceHeaders headers) {
		Observation.Context context;
		if (headers != null) {
			ReceiverContext<TraceHeaders> received = new ReceiverContext<>(TraceHeaders::get,
					(exchange == Exchange.CALL) ? Kind.SERVER : Kind.CONSUMER);
			received.setCarrier(headers);
			context = received;
		}
		else {
			context = new Observation.Context();
		}
		return started(Observation.createNotStarted(HANDLE, () -> context, this.registry)
			.lowCardinalityKeyValue(EXCHANGE, exchange.value())
			.highCardinalityKeyValue(AGENT_ID, key.id()));
	}

	@Override
	public TraceHeaders outgoing() {
		Observation current = this.registry.getCurrentObservation();
		return (current != null && current.getContext() instanceof OutgoingContext outgoing) ? outgoing.headers()
				: null;
	}

	private static Observed started(Observation observation) {
		return new StartedObservation(observation.start());
	}

	/** A started Micrometer observation. */
	private record StartedObservation(Observation observation) implements Observed {

		@Override
		public Scope open() {
			Observation.Scope scope = this.observation.openScope();
			return scope::close;
		}

		@Override
		public TraceHeaders headers() {
			return (this.observation.getContext() instanceof OutgoingContext outgoing) ? outgoing.headers() : null;
		}

		@Override
		public void stop(Throwable error) {
			if (error != null) {
				this.observation.error((error instanceof CompletionException && error.getCause() != null)
						? error.getCause() : error);
			}
			this.observation.stop();
		}

	}

}
