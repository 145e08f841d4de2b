package dev.sagents.actuate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.sagents.cluster.ClusterView;
import dev.sagents.cluster.DistributionMode;
import dev.sagents.cluster.Member;
import dev.sagents.cluster.MemberStatus;
import dev.sagents.cluster.MembersMode;
import dev.sagents.cluster.SagentsInstance;

/** A local-mode view of one node whose three instances show it with a given status, or disagree. */
class FakeClusterView implements ClusterView {

	private final String node;

	private final Map<SagentsInstance, List<Member>> members = new EnumMap<>(SagentsInstance.class);

	FakeClusterView(String node, MemberStatus status) {
		this.node = node;
		for (SagentsInstance instance : SagentsInstance.values()) {
			this.members.put(instance, List.of(new Member(node, status)));
		}
	}

	/** Makes the file-system supervisor's member set miss this node. */
	FakeClusterView withFileSystemSupervisorEmpty() {
		this.members.put(SagentsInstance.FILE_SYSTEM_SUPERVISOR, List.of());
		return this;
	}

	@Override
	public DistributionMode distribution() {
		return DistributionMode.LOCAL;
	}

	@Override
	public MembersMode membersMode() {
		return MembersMode.AUTO;
	}

	@Override
	public Optional<String> partition() {
		return Optional.empty();
	}

	@Override
	public String localNode() {
		return this.node;
	}

	@Override
	public List<String> liveNodes() {
		return List.of(this.node);
	}

	@Override
	public Map<SagentsInstance, List<Member>> members() {
		return this.members;
	}

}
