package dev.sagents.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.sagents.autoconfigure.HordeProperties.Discovery;

import org.springframework.util.StringUtils;

/**
 * Checks {@code sagents.horde.discovery} and the settings of each way to find members: a setting of
 * one way is refused under another (it would be silently ignored), and Kubernetes discovery needs
 * exactly one way to find the pods. Part of {@link SagentsPropertiesValidator}.
 */
final class DiscoveryPropertiesValidator {

	private static final String KUBERNETES = "sagents.horde.kubernetes.";

	/** The ways to find the pods, of which exactly one is set. */
	private static final List<String> WAYS = List.of("service-dns", "service-name", "service-label-name",
			"pod-label-name");

	private static final String ONE_WAY = "exactly one of sagents.horde.kubernetes.service-dns (the DNS name of a "
			+ "headless Service, such as notes-hazelcast.default.svc.cluster.local), or, through the Kubernetes API, "
			+ "sagents.horde.kubernetes.service-name, service-label-name or pod-label-name";

	/** An IPv4 multicast address: 224.0.0.0 to 239.255.255.255. */
	private static final Pattern MULTICAST_GROUP = Pattern
		.compile("2(2[4-9]|3[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");

	private static final int MAX_PORT = 65535;

	private DiscoveryPropertiesValidator() {
	}

	/** Throws {@link InvalidSagentsPropertyException} for the first bad value found. */
	static void validate(HordeProperties horde) {
		Discovery discovery = MemberDiscovery.effective(horde);
		if (discovery != null && discovery != Discovery.TCP && horde.getNetwork().getJoinMembers() != null) {
			throw new InvalidSagentsPropertyException("sagents.horde.network.join-members",
					String.join(",", horde.getNetwork().getJoinMembers()),
					"no value with sagents.horde.discovery=" + name(discovery)
							+ " (the member list is the way 'tcp' finds members)");
		}
		if (discovery != Discovery.MULTICAST) {
			refuseAny("sagents.horde.multicast.", horde.getMulticast().given(), Discovery.MULTICAST, discovery);
		}
		if (discovery != Discovery.KUBERNETES) {
			refuseAny(KUBERNETES, horde.getKubernetes().given(), Discovery.KUBERNETES, discovery);
		}
		if (discovery == Discovery.MULTICAST) {
			validateMulticast(horde.getMulticast());
		}
		if (discovery == Discovery.KUBERNETES) {
			validateKubernetes(horde.getKubernetes());
		}
	}

	private static void validateMulticast(MulticastDiscoveryProperties multicast) {
		if (multicast.getGroup() != null && !MULTICAST_GROUP.matcher(multicast.getGroup()).matches()) {
			throw new InvalidSagentsPropertyException("sagents.horde.multicast.group", multicast.getGroup(),
					"an IPv4 multicast address, from 224.0.0.0 to 239.255.255.255, such as 224.2.2.3");
		}
		if (multicast.getPort() != null && (multicast.getPort() < 1 || multicast.getPort() > MAX_PORT)) {
			throw new InvalidSagentsPropertyException("sagents.horde.multicast.port", multicast.getPort(),
					"a port from 1 to " + MAX_PORT);
		}
	}

	private static void validateKubernetes(KubernetesDiscoveryProperties kubernetes) {
		Map<String, Object> given = kubernetes.given();
		given.forEach((property, value) -> {
			if (value instanceof String text && !StringUtils.hasText(text)) {
				throw new InvalidSagentsPropertyException(KUBERNETES + property, value,
						"a non-blank value, or no value at all");
			}
		});
		requirePair("service-label-name", kubernetes.getServiceLabelName(), "service-label-value",
				kubernetes.getServiceLabelValue());
		requirePair("pod-label-name", kubernetes.getPodLabelName(), "pod-label-value", kubernetes.getPodLabelValue());
		List<String> ways = WAYS.stream().filter(given::containsKey).toList();
		if (ways.isEmpty()) {
			throw new InvalidSagentsPropertyException(KUBERNETES + "service-dns", null, ONE_WAY);
		}
		if (ways.size() > 1) {
			throw new InvalidSagentsPropertyException(KUBERNETES + ways.get(1), given.get(ways.get(1)),
					"no value with sagents.horde.kubernetes." + ways.get(0) + " (" + ONE_WAY + ")");
		}
		if (kubernetes.getServiceDns() != null) {
			refuseWithDns("namespace", kubernetes.getNamespace(), "the namespace is part of the DNS name");
		}
		else if (kubernetes.getServiceDnsTimeout() != null) {
			throw new InvalidSagentsPropertyException(KUBERNETES + "service-dns-timeout",
					kubernetes.getServiceDnsTimeout(), "no value without sagents.horde.kubernetes.service-dns");
		}
		Duration timeout = kubernetes.getServiceDnsTimeout();
		if (timeout != null && (timeout.toSeconds() < 1 || !timeout.equals(Duration.ofSeconds(timeout.toSeconds())))) {
			throw new InvalidSagentsPropertyException(KUBERNETES + "service-dns-timeout", timeout,
					"a whole number of seconds, at least 1s, such as 5s");
		}
	}

	/** A label's name and value go together. */
	private static void requirePair(String nameProperty, String name, String valueProperty, String value) {
		if (name != null && value == null) {
			throw new InvalidSagentsPropertyException(KUBERNETES + valueProperty, null,
					"the value of the label sagents.horde.kubernetes." + nameProperty + " names ('" + name + "')");
		}
		if (name == null && value != null) {
			throw new InvalidSagentsPropertyException(KUBERNETES + valueProperty, value,
					"no value without sagents.horde.kubernetes." + nameProperty);
		}
		if (name != null && name.split(",").length != value.split(",").length) {
			throw new InvalidSagentsPropertyException(KUBERNETES + valueProperty, value, "as many comma-separated values "
					+ "as sagents.horde.kubernetes." + nameProperty + " has labels ('" + name + "')");
		}
	}

	private static void refuseWithDns(String property, String value, String why) {
		if (value != null) {
			throw new InvalidSagentsPropertyException(KUBERNETES + property, value,
					"no value with sagents.horde.kubernetes.service-dns (" + why
							+ "); it applies to the Kubernetes API only");
		}
	}

	/** A setting of the {@code needed} way, under another: it would be ignored, so it is refused. */
	private static void refuseAny(String prefix, Map<String, Object> given, Discovery needed, Discovery discovery) {
		given.entrySet().stream().findFirst().ifPresent((setting) -> {
			throw new InvalidSagentsPropertyException(prefix + setting.getKey(), setting.getValue(),
					"no value unless sagents.horde.discovery=" + name(needed) + " (it is "
							+ ((discovery != null) ? name(discovery) : "the join configuration of sagents.horde.config")
							+ ")");
		});
	}

	static String name(Discovery discovery) {
		return discovery.name().toLowerCase(Locale.ROOT);
	}

}
