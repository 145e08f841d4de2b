package dev.sagents.cluster;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;

/**
 * What this node knows of the sagents cluster: its own name, the live nodes and the member set of
 * each of the three instances. In local mode every set is this node.
 */
public interface ClusterView {

	DistributionMode distribution();

	MembersMode membersMode();

	/** The partition this node belongs to, if one was set. */
	Optional<String> partition();

	/** This node's name. */
	String localNode();

	/** The nodes currently reachable, this one included, sorted; a name two nodes share is there twice. */
	List<String> liveNodes();

	/**
	 * The node names that more than one live node has, sorted; empty as it should be, since each
	 * node needs a name of its own (two nodes of one name are told apart by nothing the endpoint,
	 * the logs or the failure log show).
	 */
	default List<String> duplicateNodeNames() {
		Set<String> seen = new HashSet<>();
		return liveNodes().stream().filter((node) -> !seen.add(node)).distinct().sorted().toList();
	}

	/**
	 * Whether this node is part of its cluster now (always in local mode; in horde mode, once its
	 * Hazelcast member joined and until it left).
	 */
	default boolean joined() {
		return true;
	}

	/**
	 * How many processes each node hosts, by node name (nodes that share a name counted together);
	 * empty when the view cannot tell (local mode, where the registry's count is this node's).
	 */
	default Map<String, Integer> hostedPerNode() {
		return Map.of();
	}

	/**
	 * The processes of {@code kind} running on this node now, as its supervisors see them, in no
	 * particular order; never throws. Unlike {@link #hostedPerNode()}, which counts registrations,
	 * this is what the node actually runs: after a split heals, a process the registry names
	 * another host for still shows here until it stopped.
	 */
	List<ProcessKey> hostedHere(ProcessKind kind);

	/** The member set of each instance, sorted by node. */
	Map<SagentsInstance, List<Member>> members();

	/** Whether the three member sets are the same and contain exactly the live nodes. */
	default boolean consistent() {
		Map<SagentsInstance, List<Member>> members = members();
		List<String> live = liveNodes();
		return members.values().stream()
			.allMatch((set) -> set.stream().map(Member::node).sorted().toList().equals(live))
				&& members.values().stream().distinct().count() <= 1;
	}

}
