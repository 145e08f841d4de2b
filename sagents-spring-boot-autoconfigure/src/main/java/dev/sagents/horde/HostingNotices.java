package dev.sagents.horde;

import dev.sagents.local.HostingListener;
import dev.sagents.observation.TraceHeaders;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessRef;
import dev.sagents.supervisor.ExitReason;

/**
 * What the horde does when the local supervisors tell what they start and end (through the seam
 * of {@link HostedProcesses}): its subscribers' relays follow an agent before it starts, so that
 * none of its events is missed; messages waiting for a process that arrives are delivered; a
 * process that ends is handed off or unregistered; and a cast it did not handle is forwarded to
 * where it runs next.
 */
final class HostingNotices implements HostingListener {

	private final ArrivingProcesses arriving;

	private final HordeEvents events;

	private final Handoff handoff;

	private final CastForwarder forwarder;

	HostingNotices(ArrivingProcesses arriving, HordeEvents events, Handoff handoff, CastForwarder forwarder) {
		this.arriving = arriving;
		this.events = events;
		this.handoff = handoff;
		this.forwarder = forwarder;
	}

	@Override
	public void starting(ProcessKey key) {
		if (key.kind() == ProcessKind.AGENT) {
			this.events.agentStarting(key.id());
		}
	}

	@Override
	public void notStarted(ProcessKey key) {
		if (key.kind() == ProcessKind.AGENT) {
			this.events.agentNotStarting(key.id());
		}
	}

	@Override
	public void started(ProcessRef process) {
		if (process.key().kind() == ProcessKind.AGENT) {
			this.events.agentStarted(process.key().id());
		}
		this.arriving.started(process.key());
	}

	@Override
	public void ended(ProcessRef process, ExitReason reason) {
		if (process.key().kind() == ProcessKind.AGENT) {
			this.events.agentEnded(process.key().id());
		}
		this.handoff.processEnded(process, reason);
	}

	@Override
	public void undelivered(ProcessRef process, Object message, TraceHeaders headers) {
		this.forwarder.forward(process.key(), message, headers);
	}

}
