package dev.sagents.local;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.sagents.cluster.ClusterView;
import dev.sagents.cluster.DistributionMode;
import dev.sagents.cluster.Member;
import dev.sagents.cluster.MembersMode;
import dev.sagents.cluster.SagentsInstance;
import dev.sagents.registry.ProcessRegistry;

/**
 * The cluster as seen in local mode: this node alone. Its member status follows the registry:
 * alive while it runs, shutting_down while it drains, uninitialized when the supervisor does not
 * run here. (Being written: signatures are final, bodies are not.)
 */
public final class LocalClusterView implements ClusterView {

	/** @param registry this node's registry, or {@code null} when the supervisor is disabled here */
	public LocalClusterView(String node, ProcessRegistry registry) {
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
		throw new UnsupportedOperationException("being written");
	}

	@Override
	public List<String> liveNodes() {
		throw new UnsupportedOperationException("being written");
	}

	@Override
	public Map<SagentsInstance, List<Member>> members() {
		throw new UnsupportedOperationException("being written");
	}

}
