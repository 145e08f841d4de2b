package dev.sagents.observation.micrometer;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;

import dev.sagents.observation.TraceHeaders;

/**
 * The context of a call or cast to another member: the tracing handler injects the trace context
 * into its carrier, which keeps only {@code traceparent} and {@code tracestate}, and sends them
 * along as {@link TraceHeaders}, checked and bounded.
 */
final class OutgoingContext extends SenderContext<OutgoingContext.Carrier> {

	OutgoingContext(Kind kind) {
		super(Carrier::set, kind);
		setCarrier(new Carrier());
	}

	/** The injected trace context, or {@code null} if none (or a malformed one) was injected. */
	TraceHeaders headers() {
		Carrier carrier = getCarrier();
		return TraceHeaders.ofNullable(carrier.traceparent, carrier.tracestate);
	}

	/** What the tracing handler injects into. */
	static final class Carrier {

		private volatile String traceparent;

		private volatile String tracestate;

		void set(String name, String value) {
			if (TraceHeaders.TRACEPARENT.equals(name)) {
				this.traceparent = value;
			}
			else if (TraceHeaders.TRACESTATE.equals(name)) {
				this.tracestate = value;
			}
		}

	}

}
