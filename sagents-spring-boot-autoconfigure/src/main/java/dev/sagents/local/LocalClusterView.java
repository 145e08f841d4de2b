package dev.sagents.local;

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
import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.registry.ProcessRegistry;
import dev.sagents.registry.RegistryUnavailableException;

/**
 * The cluster as seen in local mode: this node alone, a member of all three instances. Its status
 * follows the registry: {@code alive} while it runs, {@code shutting_down} while it drains or after
 * it stopped, {@code uninitialized} before the supervisor started it (or on a node that does not run
 * the supervisor at all). What it hosts is what the registry holds, this node's own.
 */
public final class LocalClusterView implements ClusterView {

	private final String node;

	private final ProcessRegistry registry;

	public LocalClusterView(String node, ProcessRegistry registry) {
		this.node = Arguments.notNull(node, "node");
		this.registry = Arguments.notNull(registry, "registry");
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

	/**
	 * What the registry holds; nothing while it is unavailable (starting, draining, stopped), when
	 * no call reaches a process here either.
	 */
	@Override
	public List<ProcessKey> hostedHere(ProcessKind kind) {
		try {
			return this.registry.keys(kind);
		}
		catch (RegistryUnavailableException ex) {
			return List.of();
		}
	}

	@Override
	public Map<SagentsInstance, List<Member>> members() {
		List<Member> self = List.of(new Member(this.node, status()));
		Map<SagentsInstance, List<Member>> members = new EnumMap<>(SagentsInstance.class);
		for (SagentsInstance instance : SagentsInstance.values()) {
			members.put(instance, self);
		}
		return members;
	}

	private MemberStatus status() {
		return switch (this.registry.state()) {
			case STARTING -> MemberStatus.UNINITIALIZED;
			case RUNNING -> MemberStatus.ALIVE;
			case DRAINING, STOPPED -> MemberStatus.SHUTTING_DOWN;
		};
	}

}
