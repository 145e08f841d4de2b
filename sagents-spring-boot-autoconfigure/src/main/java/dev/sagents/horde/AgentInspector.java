package dev.sagents.horde;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import dev.sagents.agent.AgentDetails;
import dev.sagents.agent.AgentStatus;
import dev.sagents.process.ProcessError;
import dev.sagents.process.ProcessKey;

/**
 * Inspects an agent from any node: the node that hosts it answers, since only it knows the
 * agent's mailbox depth, status and last error. A node asked for an agent it does not host (it
 * moved a moment ago) answers that it does not, and the agent is reported as not running. The
 * answer travels as plain fields ({@link RequestOperation#INSPECT}): no class is named or
 * instantiated on the way.
 */
final class AgentInspector {

	private final NodeContext node;

	private final ClusterRegistry registry;

	private final HostedProcesses hosted;

	private final Function<ProcessKey, String> destination;

	/**
	 * @param destination the other member this node handed a process off to while draining, or
	 * {@code null}
	 */
	AgentInspector(NodeContext node, ClusterRegistry registry, HostedProcesses hosted,
			Function<ProcessKey, String> destination) {
		this.node = node;
		this.registry = registry;
		this.hosted = hosted;
		this.destination = destination;
	}

	/** Agent {@code id} if it runs now, wherever it runs; works on a draining node too. */
	Optional<AgentDetails> inspect(String id) {
		if (!ProcessKey.isValidId(id)) {
			return Optional.empty();
		}
		Optional<AgentDetails> here = this.hosted.inspectHere(id);
		if (here.isPresent()) {
			return here;
		}
		ProcessKey key = ProcessKey.agent(id);
		Optional<Registration> found = this.node.membership().withData(() -> this.registry.registration(key));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		String host = found.get().host();
		if (host.equals(this.node.localMember())) {
			// Registered here and not running here: handed off a moment ago, or ended.
			host = this.destination.apply(key);
			if (host == null) {
				return Optional.empty();
			}
		}
		Reply reply = this.node.request(host, RequestOperation.INSPECT, new Wire.Writer().writeString(id).toBytes(),
				this.node.requestTimeout(), key);
		return decode(new Wire.Reader(reply.data()));
	}

	/** The answer to an {@link RequestOperation#INSPECT} request: {@code details}, or that the agent is not here. */
	static byte[] encode(Optional<AgentDetails> details) {
		Wire.Writer out = new Wire.Writer().writeBoolean(details.isPresent());
		details.ifPresent((agent) -> {
			out.writeString(agent.id())
				.writeString(agent.node())
				.writeString(agent.status().name())
				.writeInt(agent.mailboxDepth())
				.writeInt(agent.moves())
				.writeBoolean(agent.lastError() != null);
			if (agent.lastError() != null) {
				out.writeString(agent.lastError().message()).writeLong(agent.lastError().at().toEpochMilli());
			}
		});
		return out.toBytes();
	}

	/** What {@link #encode} wrote. */
	static Optional<AgentDetails> decode(Wire.Reader in) {
		if (!in.readBoolean()) {
			return Optional.empty();
		}
		String id = in.readString();
		String node = in.readString();
		AgentStatus status = AgentStatus.valueOf(in.readString());
		int mailboxDepth = in.readInt();
		int moves = in.readInt();
		ProcessError lastError = in.readBoolean()
				? new ProcessError(in.readString(), Instant.ofEpochMilli(in.readLong())) : null;
		return Optional.of(new AgentDetails(id, node, status, mailboxDepth, moves, lastError));
	}

}
