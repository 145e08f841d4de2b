package dev.sagents.horde;

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
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;

/**
 * The horde as this node sees it. The three instances share one member set (Hazelcast's member
 * list with each member's announced status), so they always agree; before this node joined, the
 * only member it knows is itself, {@code uninitialized}.
 */
public final class HordeClusterView implements ClusterView {

	private final HordeNode node;

	public HordeClusterView(HordeNode node) {
		this.node = node;
	}

	@Override
	public DistributionMode distribution() {
		return DistributionMode.HORDE;
	}

	@Override
	public MembersMode membersMode() {
		return this.node.settings().membersMode();
	}

	@Override
	public Optional<String> partition() {
		return Optional.ofNullable(this.node.settings().partition());
	}

	@Override
	public String localNode() {
		return this.node.settings().nodeName();
	}

	@Override
	public boolean joined() {
		return this.node.joined();
	}

	@Override
	public List<String> liveNodes() {
		return currentMembers().stream().map(Member::node).sorted().toList();
	}

	@Override
	public Map<SagentsInstance, List<Member>> members() {
		List<Member> members = currentMembers();
		Map<SagentsInstance, List<Member>> byInstance = new EnumMap<>(SagentsInstance.class);
		for (SagentsInstance instance : SagentsInstance.values()) {
			byInstance.put(instance, members);
		}
		return byInstance;
	}

	@Override
	public Map<String, Integer> hostedPerNode() {
		return this.node.hostedPerNode();
	}

	/** What this node's own process registry holds, whatever the cluster registry's state or entries. */
	@Override
	public List<ProcessKey> hostedHere(ProcessKind kind) {
		return this.node.hosted().keysHosted(kind);
	}

	private List<Member> currentMembers() {
		if (!this.node.joined()) {
			return List.of(new Member(localNode(), MemberStatus.UNINITIALIZED));
		}
		return this.node.membership().members();
	}

}
