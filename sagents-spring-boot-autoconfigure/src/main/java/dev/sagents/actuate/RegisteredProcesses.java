package dev.sagents.actuate;

import java.util.Map;

import dev.sagents.cluster.ClusterView;
import dev.sagents.process.ProcessKind;
import dev.sagents.registry.ProcessRegistry;
import dev.sagents.registry.RegistryUnavailableException;

/**
 * How many processes the registry holds, as the endpoint and the health contributor show them.
 * Every count is {@code null} while the registry is unavailable (starting, draining, or on a node
 * that does not run the supervisor), because the registry then gives no answer rather than a wrong one.
 *
 * @param total every registered process, cluster-wide
 * @param agents registered agents
 * @param fileSystems registered file systems
 * @param perNode how many processes each node hosts, by node name; in local mode this node with the total
 */
public record RegisteredProcesses(Integer total, Integer agents, Integer fileSystems, Map<String, Integer> perNode) {

	/**
	 * The counts of {@code registry} now, per node as {@code clusterView} tells (this node with the
	 * total when it cannot tell), or {@code null} counts when the registry cannot answer.
	 */
	public static RegisteredProcesses of(ProcessRegistry registry, ClusterView clusterView) {
		if (!registry.isAvailable()) {
			return unavailable();
		}
		try {
			int total = registry.count();
			Map<String, Integer> hosted = clusterView.hostedPerNode();
			return new RegisteredProcesses(total, registry.count(ProcessKind.AGENT),
					registry.count(ProcessKind.FILESYSTEM),
					hosted.isEmpty() ? Map.of(clusterView.localNode(), total) : hosted);
		}
		catch (RegistryUnavailableException ex) {
			// It began draining between the state check and the counts.
			return unavailable();
		}
	}

	private static RegisteredProcesses unavailable() {
		return new RegisteredProcesses(null, null, null, null);
	}

}
