package dev.sagents.horde;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.sagents.cluster.ClusterView;
import dev.sagents.cluster.DistributionMode;
import dev.sagents.cluster.Member;
import dev.sagents.cluster.MembersMode;
import dev.sagents.cluster.SagentsInstance;

/** (Being written: signatures are final, bodies are not.) */
public final class HordeClusterView implements ClusterView {

	public HordeClusterView(HordeNode node) {
	}

	@Override
	public DistributionMode distribution() {
		return DistributionMode.HORDE;
	}

	@Override
	public MembersMode membersMode() {
		throw new UnsupportedOperationException("being written");
	}

	@Override
	public Optional<String> partition() {
		throw new UnsupportedOperationException("being written");
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
