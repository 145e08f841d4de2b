package dev.sagents.actuate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.sagents.cluster.ClusterView;
import dev.sagents.cluster.Member;
import dev.sagents.cluster.SagentsInstance;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.registry.ProcessRegistry;
import dev.sagents.supervisor.ProcessFailure;
import dev.sagents.supervisor.ProcessFailureLog;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code sagents} actuator endpoint ({@code /actuator/sagents}): how this node sees
 * the sagents cluster — distribution, members mode, partition, node name, whether it is joined,
 * live nodes, the node names two live nodes share, the members of the registry, the agents
 * supervisor and the file-system supervisor with their status, whether the three agree, the registered counts (cluster-wide and per node),
 * the processes this node hosts, the registry's state and the processes given up after too many
 * crashes. In local mode every member set is this node alone.
 *
 * <p>Below it: {@code GET /actuator/sagents/agents/{id}} inspects one agent wherever it runs (its
 * node, status, mailbox depth, moves and last error), {@code GET /actuator/sagents/filesystems/{scope}}
 * one file system ({@link FileSystemOperations}: its node, epoch, files and store); with write access
 * ({@code management.endpoint.sagents.access=unrestricted}), {@code DELETE} on that path stops it,
 * {@code POST} starts again one given up after too many crashes, and
 * {@code POST /actuator/sagents/drain} drains this node ({@link NodeOperations}). Access is
 * read-only by default.
 *
 * <p>The hosted processes are what this node's supervisors run now, not what the registry says:
 * the two differ for a moment after a failover or a split heal, and a process running on two nodes
 * at once shows on both.
 */
@Endpoint(id = "sagents", defaultAccess = Access.READ_ONLY)
public class SagentsEndpoint {

	private static final String AGENTS = "agents";

	private static final String FILE_SYSTEMS = "filesystems";

	private static final String DRAIN = "drain";

	private final ClusterView clusterView;

	private final ProcessRegistry registry;

	private final ProcessFailureLog failures;

	private final AgentOperations agents;

	private final FileSystemOperations fileSystems;

	private final NodeOperations node;

	/**
	 * @param clusterView this node's view of the cluster
	 * @param registry the process registry
	 * @param failures the processes given up after too many crashes
	 * @param agents inspects, stops and restarts one agent
	 * @param fileSystems inspects one file system
	 * @param node drains this node
	 */
	public SagentsEndpoint(ClusterView clusterView, ProcessRegistry registry, ProcessFailureLog failures,
			AgentOperations agents, FileSystemOperations fileSystems, NodeOperations node) {
		this.clusterView = clusterView;
		this.registry = registry;
		this.failures = failures;
		this.agents = agents;
		this.fileSystems = fileSystems;
		this.node = node;
	}

	/** The current picture; never fails, even while the registry is unavailable. */
	@ReadOperation
	public SagentsDescriptor sagents() {
		Map<String, InstanceDescriptor> instances = new LinkedHashMap<>();
		this.clusterView.members()
			.forEach((instance, members) -> instances.put(instance.value(), InstanceDescriptor.of(members)));
		List<FailureDescriptor> recent = this.failures.recent().stream().map(FailureDescriptor::of).toList();
		return new SagentsDescriptor(lowerCase(this.clusterView.distribution()), lowerCase(this.clusterView.membersMode()),
				this.clusterView.partition().orElse(null), this.clusterView.localNode(), this.clusterView.joined(),
				this.clusterView.liveNodes(), this.clusterView.duplicateNodeNames(), instances, this.clusterView.consistent(),
				RegisteredProcesses.of(this.registry, this.clusterView), HostedDescriptor.of(this.clusterView),
				lowerCase(this.registry.state()), new FailuresDescriptor(this.failures.total(), recent));
	}

	/**
	 * {@code GET /actuator/sagents/agents/{id}} and {@code GET /actuator/sagents/filesystems/{scope}}:
	 * the agent or file system wherever it runs; {@code 404} unless it runs.
	 */
	@ReadOperation
	public WebEndpointResponse<Object> process(@Selector String kind, @Selector String id) {
		return switch (kind) {
			case AGENTS -> this.agents.inspect(id);
			case FILE_SYSTEMS -> this.fileSystems.inspect(id);
			default -> unknown(kind);
		};
	}

	/** {@code DELETE /actuator/sagents/agents/{id}}: stops the agent wherever it runs. */
	@DeleteOperation
	public WebEndpointResponse<Object> stopProcess(@Selector String kind, @Selector String id) {
		return AGENTS.equals(kind) ? this.agents.stop(id) : unknown(kind);
	}

	/** {@code POST /actuator/sagents/agents/{id}}: starts again an agent given up after too many crashes. */
	@WriteOperation
	public WebEndpointResponse<Object> restartProcess(@Selector String kind, @Selector String id) {
		return AGENTS.equals(kind) ? this.agents.restart(id) : unknown(kind);
	}

	/** {@code POST /actuator/sagents/drain}: drains this node and keeps it up. */
	@WriteOperation
	public WebEndpointResponse<Object> act(@Selector String action) {
		return DRAIN.equals(action) ? this.node.drain() : unknown(action);
	}

	private static WebEndpointResponse<Object> unknown(String segment) {
		return new WebEndpointResponse<>(Map.of("error", "Unknown path segment '" + segment + "'"),
				WebEndpointResponse.STATUS_NOT_FOUND);
	}

	private static String lowerCase(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * What the endpoint returns.
	 *
	 * @param distribution {@code local} or {@code horde}
	 * @param members the members mode, {@code auto} or {@code participation}
	 * @param partition the partition, or {@code null}
	 * @param node this node's name
	 * @param joined whether this node is part of its cluster now (always in local mode)
	 * @param liveNodes the reachable nodes, sorted
	 * @param duplicateNodeNames the node names more than one live node has, empty as it should be
	 * @param instances the member set of each instance, keyed {@code registry}, {@code agentsSupervisor},
	 * {@code fileSystemSupervisor}
	 * @param consistent whether the three member sets agree with each other and with the live nodes
	 * @param registered the registered counts, cluster-wide and per node, {@code null} while the
	 * registry is unavailable
	 * @param hosted the processes running on this node now, whatever the registry says
	 * @param registry the registry's state: {@code starting}, {@code running}, {@code draining} or {@code stopped}
	 * @param failures the processes given up after too many crashes
	 */
	public record SagentsDescriptor(String distribution, String members, String partition, String node,
			boolean joined, List<String> liveNodes, List<String> duplicateNodeNames,
			Map<String, InstanceDescriptor> instances, boolean consistent,
			RegisteredProcesses registered, HostedDescriptor hosted, String registry, FailuresDescriptor failures) {
	}

	/**
	 * The processes running on this node now.
	 *
	 * @param agents the ids of its agents, sorted
	 * @param fileSystems the scopes of its file systems, sorted
	 */
	public record HostedDescriptor(List<String> agents, List<String> fileSystems) {

		static HostedDescriptor of(ClusterView clusterView) {
			return new HostedDescriptor(idsHosted(clusterView, ProcessKind.AGENT),
					idsHosted(clusterView, ProcessKind.FILESYSTEM));
		}

		private static List<String> idsHosted(ClusterView clusterView, ProcessKind kind) {
			return clusterView.hostedHere(kind).stream().map(ProcessKey::id).sorted().toList();
		}

	}

	/**
	 * The members of one instance.
	 *
	 * @param members each member, sorted by node
	 */
	public record InstanceDescriptor(List<MemberDescriptor> members) {

		static InstanceDescriptor of(List<Member> members) {
			return new InstanceDescriptor(
					members.stream().map((member) -> new MemberDescriptor(member.node(), member.status().value())).toList());
		}

	}

	/**
	 * One member of an instance.
	 *
	 * @param node its node name
	 * @param status {@code alive}, {@code uninitialized}, {@code shutting_down} or {@code dead}
	 */
	public record MemberDescriptor(String node, String status) {
	}

	/**
	 * Processes given up after too many crashes.
	 *
	 * @param total how many since start
	 * @param recent the latest ones kept, newest first
	 */
	public record FailuresDescriptor(long total, List<FailureDescriptor> recent) {
	}

	/**
	 * One process given up.
	 *
	 * @param key its registry key, such as {@code agent:alice}
	 * @param node the node it ran on
	 * @param at when it was given up
	 * @param restarts how many restarts happened within the window
	 * @param lastError the last handler exception
	 */
	public record FailureDescriptor(String key, String node, Instant at, int restarts, String lastError) {

		static FailureDescriptor of(ProcessFailure failure) {
			return new FailureDescriptor(failure.key().toString(), failure.node(), failure.at(), failure.restarts(),
					failure.lastError());
		}

	}

}
