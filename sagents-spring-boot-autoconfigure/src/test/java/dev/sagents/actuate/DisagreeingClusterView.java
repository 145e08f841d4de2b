package dev.sagents.actuate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.sagents.cluster.ClusterView;
import dev.sagents.cluster.DistributionMode;
import dev.sagents.cluster.Member;
import dev.sagents.cluster.MembersMode;
import dev.sagents.cluster.SagentsInstance;

/** A view whose file-system supervisor has lost every member while the others still have theirs. */
class DisagreeingClusterView implements ClusterView {

	private final ClusterView agreeing;

	DisagreeingClusterView(ClusterView agreeing) {
		this.agreeing = agreeing;
	}

	@Override
	public Map<SagentsInstance, List<Member>> members() {
		Map<SagentsInstance, List<Member>> members = new EnumMap<>(this.agreeing.members());
		members.put(SagentsInstance.FILE_SYSTEM_SUPERVISOR, List.of());
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
