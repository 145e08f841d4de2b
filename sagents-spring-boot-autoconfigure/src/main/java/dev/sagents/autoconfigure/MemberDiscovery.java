package dev.sagents.autoconfigure;

import java.time.Duration;
import java.util.List;

import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.KubernetesConfig;
import com.hazelcast.config.MulticastConfig;
import dev.sagents.autoconfigure.HordeProperties.Discovery;

/**
 * How the member sagents starts finds the others ({@code sagents.horde.discovery}), mapped onto
 * Hazelcast's built-in join configuration: exactly one way enabled, the others off, and cloud
 * auto-detection always off (it probes cloud metadata addresses and may pick a way sagents was not
 * asked for). With a {@code sagents.horde.config} resource and no discovery set, the resource's
 * join configuration stays, except for {@code join-members} when set.
 */
final class MemberDiscovery {

	private MemberDiscovery() {
	}

	/**
	 * The way the member finds the others: the one set, else {@code tcp} without a resource, else
	 * {@code null} (the resource's own).
	 */
	static Discovery effective(HordeProperties horde) {
		if (horde.getDiscovery() != null) {
			return horde.getDiscovery();
		}
		return (horde.getConfig() != null) ? null : Discovery.TCP;
	}

	/** Whether the member's interface defaults to loopback: only when the members are listed. */
	static boolean confinedToListedMembers(HordeProperties horde) {
		return effective(horde) == Discovery.TCP;
	}

	/**
	 * Applies the discovery of {@code horde} to {@code join}.
	 *
	 * @param memberPort the port the member listens on, which every member shares: the port the
	 * members Kubernetes discovery finds are reached on
	 */
	static void apply(JoinConfig join, HordeProperties horde, int memberPort) {
		Discovery discovery = effective(horde);
		List<String> members = horde.getNetwork().getJoinMembers();
		if (discovery == null) {
			if (members == null) {
				return;
			}
			// Over a resource, join-members alone choose TCP/IP, as they always did.
			discovery = Discovery.TCP;
		}
		only(join, discovery);
		switch (discovery) {
			case TCP -> {
				if (members != null || horde.getConfig() == null) {
					join.getTcpIpConfig().setMembers((members != null) ? members
							: NetworkProperties.DEFAULT_JOIN_MEMBERS);
				}
			}
			case MULTICAST -> multicast(join.getMulticastConfig(), horde.getMulticast());
			case KUBERNETES -> kubernetes(join.getKubernetesConfig(), horde.getKubernetes(), memberPort);
		}
	}

	/** Enables {@code discovery} and disables every other way Hazelcast has to find members. */
	private static void only(JoinConfig join, Discovery discovery) {
		join.getAutoDetectionConfig().setEnabled(false);
		join.getTcpIpConfig().setEnabled(discovery == Discovery.TCP);
		join.getMulticastConfig().setEnabled(discovery == Discovery.MULTICAST);
		join.getKubernetesConfig().setEnabled(discovery == Discovery.KUBERNETES);
		join.getAwsConfig().setEnabled(false);
		join.getGcpConfig().setEnabled(false);
		join.getAzureConfig().setEnabled(false);
		join.getEurekaConfig().setEnabled(false);
		join.getDiscoveryConfig().getDiscoveryStrategyConfigs().clear();
	}

	private static void multicast(MulticastConfig multicast, MulticastDiscoveryProperties properties) {
		if (properties.getGroup() != null) {
			multicast.setMulticastGroup(properties.getGroup());
		}
		if (properties.getPort() != null) {
			multicast.setMulticastPort(properties.getPort());
		}
	}

	/**
	 * Each {@code sagents.horde.kubernetes.*} setting is the Hazelcast property of its name; the
	 * DNS timeout in whole seconds.
	 */
	private static void kubernetes(KubernetesConfig kubernetes, KubernetesDiscoveryProperties properties,
			int memberPort) {
		properties.given().forEach((name, value) -> kubernetes.setProperty(name,
				(value instanceof Duration duration) ? String.valueOf(duration.toSeconds()) : String.valueOf(value)));
		// Else Hazelcast tries 5701 (DNS lookup) or the Service's port (API) on each pod it finds.
		kubernetes.setProperty("service-port", String.valueOf(memberPort));
	}

}
