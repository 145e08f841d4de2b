package dev.sagents.observation;

import dev.sagents.metrics.CallLocation;
import dev.sagents.process.ProcessKey;

/**
 * Where the runtime observes calls and casts to agents. A local call is one observation from its
 * caller through the mailbox to the handler, which runs with it in scope. A cast is observed on its
 * sender's side until it was queued or sent, and passes its trace context on
 * ({@link Observed#headers()}) to the observation of its handling ({@link #receive}), a child of it,
 * as messaging is traced: a flood of queued casts holds no observation open. When the agent runs on
 * another member, the caller's observation sends its trace context along ({@link #outgoing()}), and
 * the member that handles the call or cast observes the handling as a child of it ({@link #receive}),
 * so one trace spans both members. {@link #NONE}, the default, observes nothing,
 * and then the runtime does no observation work at all.
 */
public interface SagentsObservations {

	/** Observes nothing. */
	SagentsObservations NONE = new SagentsObservations() {

		@Override
		public Observed send(Exchange exchange, ProcessKey key, CallLocation location) {
			return Observed.NONE;
		}

		@Override
		public Observed receive(Exchange exchange, ProcessKey key, TraceHeaders headers) {
			return Observed.NONE;
		}

		@Override
		public TraceHeaders outgoing() {
			return null;
		}

	};

	/**
	 * Starts observing a call or cast to {@code key} from the calling thread, whose current
	 * observation (if any) is its parent. Not in scope yet.
	 */
	Observed send(Exchange exchange, ProcessKey key, CallLocation location);

	/**
	 * Starts observing the handling, on this member, of a call to {@code key} that another member
	 * sent, or of a cast, with the trace context its sender passed on ({@code null} for none: a
	 * trace of its own).
	 */
	Observed receive(Exchange exchange, ProcessKey key, TraceHeaders headers);

	/**
	 * The trace context to send along with a message that leaves this member from the calling
	 * thread now: that of the remote call or cast observed in scope, or {@code null}.
	 */
	TraceHeaders outgoing();

}
