package dev.sagents.observation;

import dev.sagents.metrics.CallLocation;
import dev.sagents.process.ProcessKey;

/**
 * Where the runtime observes calls and casts to agents. A call or cast is one observation from its
 * caller through the mailbox to the handler, which runs with it in scope. When the agent runs on
 * another member, the caller's observation (stopped when the reply arrives) sends its trace context
 * along ({@link #outgoing()}), and the member that handles it observes the handling as a child of it
 * ({@link #receive}), so one trace spans both members. {@link #NONE}, the default, observes nothing,
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
	 * Starts observing the handling, on this member, of a call or cast to {@code key} that another
	 * member sent with {@code headers} ({@code null} when it sent none: a trace of its own).
	 */
	Observed receive(Exchange exchange, ProcessKey key, TraceHeaders headers);

	/**
	 * The trace context to send along with a message that leaves this member from the calling
	 * thread now: that of the remote call or cast observed in scope, or {@code null}.
	 */
	TraceHeaders outgoing();

}
