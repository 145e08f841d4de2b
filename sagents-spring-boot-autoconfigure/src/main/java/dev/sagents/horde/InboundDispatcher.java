package dev.sagents.horde;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.agent.AgentRef;
import dev.sagents.local.Delivery;
import dev.sagents.local.EncodedMessage;
import dev.sagents.local.LocalProcess;
import dev.sagents.local.TracedMessage;
import dev.sagents.observation.Exchange;
import dev.sagents.observation.Observed;
import dev.sagents.observation.TraceHeaders;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessNotRunningException;
import dev.sagents.process.ProcessRef;
import dev.sagents.supervisor.StartResult;

/**
 * What this member does with the messages addressed to it ({@link HordeTransport.Inbound}): a call
 * or cast goes into the mailbox of the process here, still encoded (the process decodes it on its
 * own thread), or, when the process is not here, is answered with where it went, or forwarded; a
 * message sent ahead of a handoff waits for its process ({@link ArrivingProcesses}); a request
 * is served by the part it asks ({@link RequestOperation}).
 */
final class InboundDispatcher implements HordeTransport.Inbound {

	private static final Logger logger = LoggerFactory.getLogger(InboundDispatcher.class);

	private final NodeContext node;

	private final Map<ProcessKind, PayloadFormat> payloads;

	private final HostedProcesses hosted;

	private final ArrivingProcesses arriving;

	private final Placement placement;

	private final Handoff handoff;

	private final Destinations destinations;

	private final CastForwarder forwarder;

	private final HordeEvents events;

	private final RestartedProcesses restartedProcesses;

	InboundDispatcher(NodeContext node, Map<ProcessKind, PayloadFormat> payloads, HostedProcesses hosted,
			ArrivingProcesses arriving, Placement placement, Handoff handoff, Destinations destinations,
			CastForwarder forwarder, HordeEvents events, RestartedProcesses restartedProcesses) {
		this.node = node;
		this.payloads = payloads;
		this.hosted = hosted;
		this.arriving = arriving;
		this.placement = placement;
		this.handoff = handoff;
		this.destinations = destinations;
		this.forwarder = forwarder;
		this.events = events;
		this.restartedProcesses = restartedProcesses;
	}

	@Override
	public void onCall(String sender, long correlation, ProcessKey key, String handingOff, TraceHeaders headers,
			byte[] payload) {
		if (handingOff != null
				&& awaitArrival(key, handingOff, () -> onCall(sender, correlation, key, null, headers, payload))) {
			return;
		}
		Optional<ProcessRef> local = this.hosted.runningHere(key);
		if (local.isEmpty()) {
			this.node.transport().reply(sender, correlation, this.destinations.notHere(key));
			return;
		}
		PayloadFormat format = this.payloads.get(key.kind());
		// Decoded by the process, on its thread: this one serves every message of the sender in turn.
		EncodedMessage message = new EncodedMessage(() -> format.decodeMessage(payload));
		// The sender keeps the timeout: a timer here too would only cost.
		Object delivered = TracedMessage.of(message, received(key, headers));
		Delivery.call((LocalProcess) local.get(), delivered).whenComplete((reply, error) -> {
			Reply answer;
			if (error == null) {
				try {
					answer = new Reply(Reply.Outcome.OK, format.encodeReply(message.decoded(), reply));
				}
				catch (RuntimeException ex) {
					answer = RemoteErrors.asReply(ex);
				}
			}
			else {
				Throwable cause = Replies.unwrap(error);
				// Ended or moved on since the caller looked (a draining node says where to).
				answer = (cause instanceof ProcessNotRunningException) ? this.destinations.notHere(key)
						: RemoteErrors.asReply(cause);
			}
			this.node.transport().reply(sender, correlation, answer);
		});
	}

	/** The observation of handling a call to agent {@code key} sent here with {@code headers}. */
	private Observed received(ProcessKey key, TraceHeaders headers) {
		return (key.kind() == ProcessKind.AGENT)
				? this.node.runtime().observations().receive(Exchange.CALL, key, headers) : Observed.NONE;
	}

	/**
	 * Holds a message that was sent here ahead of the handoff of {@code key} by draining member
	 * {@code handingOff} until the process started here (see {@link ArrivingProcesses}), then runs
	 * {@code handle}. Returns {@code false}, to handle it at once, if the process runs here already
	 * or that member left.
	 */
	private boolean awaitArrival(ProcessKey key, String handingOff, Runnable handle) {
		if (this.hosted.runningHere(key).isPresent() || !this.node.membership().isMember(handingOff)) {
			return false;
		}
		this.arriving.await(key, handingOff, handle);
		if (this.hosted.runningHere(key).isPresent()) {
			// It started between the look and the wait.
			this.arriving.started(key);
		}
		return true;
	}

	@Override
	public void onCast(String sender, ProcessKey key, String handingOff, TraceHeaders headers, byte[] payload) {
		if (handingOff != null
				&& awaitArrival(key, handingOff, () -> onCast(sender, key, null, headers, payload))) {
			return;
		}
		Optional<ProcessRef> local = this.hosted.runningHere(key);
		if (local.isPresent()) {
			PayloadFormat format = this.payloads.get(key.kind());
			Delivery.cast((LocalProcess) local.get(), new EncodedMessage(() -> format.decodeMessage(payload)), headers);
			return;
		}
		// It moved (or is moving) since the sender looked: follow it, in the sender's trace.
		try {
			this.forwarder.forward(key, this.payloads.get(key.kind()).decodeMessage(payload), headers);
		}
		catch (RuntimeException ex) {
			logger.warn("Dropping a cast to {} that could not be decoded", key, ex);
		}
	}

	@Override
	public void onRequest(String sender, long correlation, int operation, byte[] payload) {
		Reply reply;
		try {
			reply = new Reply(Reply.Outcome.OK, serve(sender, operation, new Wire.Reader(payload)));
		}
		catch (RuntimeException ex) {
			reply = RemoteErrors.asReply(ex);
		}
		this.node.transport().reply(sender, correlation, reply);
	}

	private byte[] serve(String sender, int operation, Wire.Reader in) {
		Wire.Writer out = new Wire.Writer();
		switch (RequestOperation.of(operation)) {
			case START -> {
				this.node.state().ensureAvailable();
				// A proxy node is never chosen; one that is asked all the same refuses, and is placed around.
				this.node.state().ensureHosting();
				StartResult<ProcessRef> result = this.placement.startOwnedProcess(in.readRegistration());
				out.writeBoolean(result.alreadyStarted())
					.writeString(hostOf(result.ref()))
					.writeString(result.ref().node());
			}
			case STOP -> {
				ProcessKey key = ProcessKey.parse(in.readString());
				out.writeBoolean(
						this.hosted.lookup(key).isPresent() ? this.placement.stopHere(key) : this.placement.stop(key));
			}
			case HANDOFF -> out.writeKeys(this.handoff.accept(sender, in));
			case LIST -> {
				return this.hosted.listHere(ProcessKind.valueOf(in.readString()));
			}
			case STATUS -> {
				ProcessKey key = ProcessKey.parse(in.readString());
				Optional<ProcessRef> local = this.hosted.lookup(key);
				String next = this.destinations.destinationOf(key);
				if (local.isEmpty() && next != null) {
					return this.node.request(next, RequestOperation.STATUS,
							new Wire.Writer().writeString(key.toString()).toBytes(), this.node.requestTimeout(), key)
						.data();
				}
				out.writeString(local.map((process) -> ((AgentRef) process).status().name()).orElse(null));
			}
			case SUBSCRIBE -> this.events.relayTo(in.readString(), sender);
			case UNSUBSCRIBE -> this.events.stopRelaying(in.readString(), sender);
			case SUBSCRIPTIONS_EXIST -> this.events.subscriptionsExist();
			case INSPECT -> {
				return AgentInspector.encode(this.hosted.inspectHere(in.readString()));
			}
		}
		return out.toBytes();
	}

	@Override
	public void onEvent(String agentId, byte[] event) {
		this.events.deliver(agentId, event);
	}

	@Override
	public void onRestarted(String sender, List<ProcessKey> keys) {
		this.restartedProcesses.restarted(keys,
				new RestartedProcesses.Location(sender, this.node.membership().nodeName(sender)));
	}

	private String hostOf(ProcessRef ref) {
		return ((HordeProcessRef) ref).host();
	}

}
