package dev.sagents.testsupport;

import java.util.List;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;

/**
 * One node's tracing, as Spring Boot wires it with Micrometer Tracing: an {@link ObservationRegistry}
 * whose handlers make {@link SimpleTracer} spans and propagate W3C {@code traceparent} headers.
 * Micrometer Tracing's test tracer has 16-digit trace ids: they travel padded to W3C's 32.
 */
public final class TestTracing {

	/** The spans this node finished. */
	public final SimpleTracer tracer = new SimpleTracer();

	public final ObservationRegistry registry = ObservationRegistry.create();

	public TestTracing() {
		W3cPropagator propagator = new W3cPropagator(this.tracer);
		this.registry.observationConfig()
			.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(this.tracer, propagator),
					new PropagatingReceiverTracingObservationHandler<>(this.tracer, propagator),
					new DefaultTracingObservationHandler(this.tracer)));
	}

	/** The finished spans named {@code name}. */
	public List<SimpleSpan> spans(String name) {
		return this.tracer.getSpans().stream().filter((span) -> name.equals(span.getName())).toList();
	}

	/** W3C trace context over the test tracer's contexts. */
	private static final class W3cPropagator implements Propagator {

		private static final String PADDING = "0000000000000000";

		private final SimpleTracer tracer;

		W3cPropagator(SimpleTracer tracer) {
			this.tracer = tracer;
		}

		@Override
		public List<String> fields() {
			return List.of("traceparent", "tracestate");
		}

		@Override
		public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
			setter.set(carrier, "traceparent", "00-" + PADDING + context.traceId() + "-" + context.spanId() + "-01");
			setter.set(carrier, "tracestate", "sagents=test");
		}

		@Override
		public <C> Span.Builder extract(C carrier, Getter<C> getter) {
			String traceparent = getter.get(carrier, "traceparent");
			if (traceparent == null) {
				return this.tracer.spanBuilder();
			}
			TraceContext parent = this.tracer.traceContextBuilder()
				.traceId(traceparent.substring(3 + PADDING.length(), 35))
				.spanId(traceparent.substring(36, 52))
				.sampled(true)
				.build();
			return this.tracer.spanBuilder().setParent(parent);
		}

	}

}
