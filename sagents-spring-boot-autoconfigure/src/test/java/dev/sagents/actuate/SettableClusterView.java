package dev.sagents.actuate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sagents.cluster.ClusterView;
import dev.sagents.cluster.DistributionMode;
import dev.sagents.cluster.Member;
import dev.sagents.cluster.MembersMode;
import dev.sagents.cluster.SagentsInstance;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;

/**
 * A view over an agreeing one whose joined state, member-set agreement, per-node counts and
 * processes running here a test sets. Disagreeing, the file-system supervisor has lost every member while the others keep theirs.
 */
class SettableClusterView implements ClusterView {

	private final ClusterView agreeing;

	private volatile boolean joined = true;

	private volatile boolean disagreeing;

	private volatile Map<String, Integer> hostedPerNode = Map.of();

	private volatile List<ProcessKey> runningHere = List.of();

	private final AtomicInteger hostedPerNodeQueries = new AtomicInteger();

	SettableClusterView(ClusterView agreeing) {
		this.agreeing = agreeing;
	}

	SettableClusterView joined(boolean joined) {
		this.joined = joined;
		return this;
	}

	SettableClusterView disagreeing(boolean disagreeing) {
		this.disagreeing = disagreeing;
		return this;
	}

	SettableClusterView hosting(Map<String, Integer> hostedPerNode) {
		this.hostedPerNode = hostedPerNode;
		return this;
	}

	SettableClusterView runningHere(ProcessKey... keys) {
		this.runningHere = List.of(keys);
		return this;
	}

	@Override
	public boolean joined() {
		return this.joined;
	}

	/** How many times the per-node counts, which in horde mode query the cluster, were asked. */
	int hostedPerNodeQueries() {
		return this.hostedPerNodeQueries.get();
	}

	@Override
	public Map<String, Integer> hostedPerNode() {
		this.hostedPerNodeQueries.incrementAndGet();
		return this.hostedPerNode;
	}

	@Override
	public List<ProcessKey> hostedHere(ProcessKind kind) {
		return this.runningHere.stream().filter((key) -> key.kind() == kind).toList();
	}

	@Override
	public Map<SagentsInstance, List<Member>> members() {
		Map<SagentsInstance, List<Member>> members = new EnumMap<>(this.agreeing.members());
		if (this.disagreeing) {
			members.put(SagentsInstance.FILE_SYSTEM_SUPERVISOR, List.of());
		}
		return members;
	}

	@Override
	public DistributionMode distribution() {
		return this.agreeing.distribution();
	}

	@Override
	public MembersMode membersMode() {
		return this.agreeing.membersMode();
	}

	@Override
	public Optional<String> partition() {
		return this.agreeing.partition();
	}

	@Override
	public String localNode() {
		return this.agreeing.localNode();
	}

	@Override
	public List<String> liveNodes() {
		return this.agreeing.liveNodes();
	}

}
