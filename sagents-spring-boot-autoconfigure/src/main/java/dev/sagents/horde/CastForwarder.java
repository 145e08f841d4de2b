package dev.sagents.horde;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.local.Delivery;
import dev.sagents.local.LocalProcess;
import dev.sagents.observation.TraceHeaders;
import dev.sagents.process.MessageTooLargeException;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessRef;

/**
 * Delivers casts whose process was not where they were sent: a cast queued in a mailbox that
 * stopped, one from a member that looked before the process moved, or one to a process whose
 * member left. A cast has no reply to tell its sender it was lost on the way, so it is sent on to
 * where the process runs now, waiting while a handoff or restart is in progress.
 */
final class CastForwarder {

	private static final Logger logger = LoggerFactory.getLogger(CastForwarder.class);

	private final NodeContext node;

	private final Map<ProcessKind, PayloadFormat> payloads;

	private final ClusterRegistry registry;

	private final HostedProcesses hosted;

	private final Function<ProcessKey, String> destination;

	/**
	 * @param payloads how messages of each kind travel
	 * @param destination the other member this node handed a process off to while draining, or
	 * {@code null}
	 */
	CastForwarder(NodeContext node, Map<ProcessKind, PayloadFormat> payloads, ClusterRegistry registry,
			HostedProcesses hosted, Function<ProcessKey, String> destination) {
		this.node = node;
		this.payloads = payloads;
		this.registry = registry;
		this.hosted = hosted;
		this.destination = destination;
	}

	/**
	 * Delivers a cast that found no process here (it ended before handling it, or came from a
	 * member that looked before the process moved) to where the process runs now, in the trace of
	 * {@code headers} ({@code null}: none); see {@link #forward(ProcessKey, Object, TraceHeaders, long)}.
	 */
	void forward(ProcessKey key, Object message, TraceHeaders headers) {
		forward(key, message, headers, deadline());
	}

	/** When a cast forwarded from now on is dropped at the latest ({@link System#nanoTime()}). */
	long deadline() {
		return System.nanoTime() + this.node.requestTimeout().toNanos();
	}

	/**
	 * Delivers a cast that found no process here to where the registry says the process runs. While
	 * the registration still names this node or a member that left (a handoff or restart in
	 * progress), it waits a little and looks again, until {@code deadline}; a process that is not
	 * registered at all drops it. It goes on in the trace of {@code headers}, the sender's, so
	 * that one trace spans the hop.
	 */
	void forward(ProcessKey key, Object message, TraceHeaders headers, long deadline) {
		this.node.blocking().execute(() -> {
			try {
				forwardNow(key, message, headers, deadline);
			}
			catch (MessageTooLargeException ex) {
				// Counted where refused; a cast has no reply to tell its sender.
				logger.debug("Dropping a cast to {}: {}", key, ex.getMessage());
			}
		});
	}

	private void forwardNow(ProcessKey key, Object message, TraceHeaders headers, long deadline) {
		if (!this.node.joined().getAsBoolean()) {
			logger.warn("Dropping a cast to {}: this node left the cluster before it could send it on", key);
			return;
		}
		String next = this.destination.apply(key);
		if (next != null) {
			this.node.transport().cast(next, key, this.payloads.get(key.kind()).encodeMessage(message), null, headers);
			return;
		}
		Optional<Registration> found = this.registry.registration(key);
		if (found.isEmpty()) {
			logger.debug("Dropping a cast to {}, which is not running", key);
			return;
		}
		String host = found.get().host();
		Optional<ProcessRef> local = this.hosted.runningHere(key);
		if (!host.equals(this.node.localMember()) && this.node.membership().isMember(host)) {
			this.node.transport().cast(host, key, this.payloads.get(key.kind()).encodeMessage(message), null, headers);
		}
		else if (local.isPresent()) {
			Delivery.cast((LocalProcess) local.get(), message, headers);
		}
		else if (System.nanoTime() - deadline < 0) {
			this.node.runtime()
				.timer()
				.schedule(() -> forward(key, message, headers, deadline), 2, TimeUnit.MILLISECONDS);
		}
		else {
			logger.warn("Dropping a cast to {}: it did not restart within {}", key, this.node.requestTimeout());
		}
	}

}
