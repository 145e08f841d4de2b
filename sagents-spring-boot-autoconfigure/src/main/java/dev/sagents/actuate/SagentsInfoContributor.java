package dev.sagents.actuate;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.sagents.cluster.ClusterView;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * The {@code sagents} entry of {@code /actuator/info}: the distribution, this node, the members
 * mode, the starter's version when its jar tells it, and how many processes this node hosts. Every
 * value is this node's own: it asks nothing of the cluster.
 */
public class SagentsInfoContributor implements InfoContributor {

	private final ClusterView clusterView;

	private final String version;

	/**
	 * @param clusterView this node's view of the cluster
	 * @param version the starter's version, or {@code null} when unknown (run from classes, not its jar)
	 */
	public SagentsInfoContributor(ClusterView clusterView, String version) {
		this.clusterView = clusterView;
		this.version = version;
	}

	/** The version the starter's jar manifest gives, or {@code null}. */
	public static String starterVersion() {
		return SagentsInfoContributor.class.getPackage().getImplementationVersion();
	}

	@Override
	public void contribute(Info.Builder builder) {
		Map<String, Object> sagents = new LinkedHashMap<>();
		sagents.put("distribution", this.clusterView.distribution().name().toLowerCase(Locale.ROOT));
		sagents.put("node", this.clusterView.localNode());
		sagents.put("members", this.clusterView.membersMode().name().toLowerCase(Locale.ROOT));
		if (this.version != null) {
			sagents.put("version", this.version);
		}
		sagents.put("hostedHere", SagentsHealthIndicator.HostedHere.of(this.clusterView));
		builder.withDetail("sagents", sagents);
	}

}
