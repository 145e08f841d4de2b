package dev.sagents.autoconfigure;

import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.properties.PropertyDefinition;
import com.hazelcast.kubernetes.HazelcastKubernetesDiscoveryStrategyFactory;
import dev.sagents.autoconfigure.HordeProperties.Discovery;
import dev.sagents.cluster.MembersMode;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sagents.horde.discovery} as the generated Hazelcast {@link Config} has it. Nothing is
 * started: a member that looks for others by multicast or in Kubernetes has no place on a
 * loopback-only machine. Each configuration passes Hazelcast's own check that one join mechanism
 * at most is on ({@link JoinConfig#verify()}).
 */
class MemberDiscoveryTests {

	private static final String CLUSTER = "sagents-notes";

	private final HordeProperties horde = new HordeProperties();

	@Test
	void tcpIsTheDefaultAndTheOnlyWayOn() {
		JoinConfig join = join(create());
		assertOnly(join, Discovery.TCP);
		assertThat(join.getTcpIpConfig().getMembers()).containsExactly("127.0.0.1");
	}

	@Test
	void explicitTcpJoinsTheListedMembers() {
		this.horde.setDiscovery(Discovery.TCP);
		this.horde.getNetwork().setJoinMembers(List.of("10.0.0.1", "10.0.0.2:5801"));
		JoinConfig join = join(create());
		assertOnly(join, Discovery.TCP);
		assertThat(join.getTcpIpConfig().getMembers()).containsExactly("10.0.0.1", "10.0.0.2:5801");
	}

	@Test
	void multicastJoinsTheGroupAndBindsAnInterfaceOfHazelcastsChoice() {
		this.horde.setDiscovery(Discovery.MULTICAST);
		this.horde.getMulticast().setGroup("239.1.2.3");
		this.horde.getMulticast().setPort(54400);
		Config config = create();
		JoinConfig join = join(config);
		assertOnly(join, Discovery.MULTICAST);
		assertThat(join.getMulticastConfig().getMulticastGroup()).isEqualTo("239.1.2.3");
		assertThat(join.getMulticastConfig().getMulticastPort()).isEqualTo(54400);
		assertThat(config.getNetworkConfig().getInterfaces().isEnabled()).isFalse();
		assertThat(config.getProperties()).doesNotContainKey("hazelcast.socket.bind.any");
	}

	@Test
	void multicastWithoutSettingsKeepsHazelcastsGroup() {
		this.horde.setDiscovery(Discovery.MULTICAST);
		JoinConfig join = join(create());
		assertOnly(join, Discovery.MULTICAST);
		assertThat(join.getMulticastConfig().getMulticastGroup()).isEqualTo("224.2.2.3");
		assertThat(join.getMulticastConfig().getMulticastPort()).isEqualTo(54327);
	}

	@Test
	void kubernetesDnsLookupFindsThePodsOfTheHeadlessServiceOnTheMembersPort() {
		this.horde.setDiscovery(Discovery.KUBERNETES);
		this.horde.getKubernetes().setServiceDns("notes-hazelcast.shop.svc.cluster.local");
		this.horde.getKubernetes().setServiceDnsTimeout(Duration.ofSeconds(7));
		Config config = create();
		JoinConfig join = join(config);
		assertOnly(join, Discovery.KUBERNETES);
		assertThat(join.getKubernetesConfig().getProperties()).containsOnly(
				Map.entry("service-dns", "notes-hazelcast.shop.svc.cluster.local"),
				Map.entry("service-dns-timeout", "7"), Map.entry("service-port", "5801"));
		assertThat(config.getNetworkConfig().getInterfaces().isEnabled()).isFalse();
		assertThat(hazelcastReads(join)).isEqualTo("DNS_LOOKUP");
	}

	@Test
	void kubernetesApiFindsTheEndpointsOfTheServiceInTheNamespace() {
		this.horde.setDiscovery(Discovery.KUBERNETES);
		this.horde.getNetwork().setPort(5701);
		this.horde.getKubernetes().setNamespace("shop");
		this.horde.getKubernetes().setServiceName("notes-hazelcast");
		JoinConfig join = join(create());
		assertOnly(join, Discovery.KUBERNETES);
		assertThat(join.getKubernetesConfig().getProperties()).containsOnly(Map.entry("namespace", "shop"),
				Map.entry("service-name", "notes-hazelcast"), Map.entry("service-port", "5701"));
		assertThat(hazelcastReads(join)).isEqualTo("KUBERNETES_API");
	}

	@Test
	void kubernetesApiByServiceLabel() {
		this.horde.setDiscovery(Discovery.KUBERNETES);
		this.horde.getKubernetes().setServiceLabelName("app");
		this.horde.getKubernetes().setServiceLabelValue("notes");
		JoinConfig join = join(create());
		assertThat(join.getKubernetesConfig().getProperties()).containsOnly(Map.entry("service-label-name", "app"),
				Map.entry("service-label-value", "notes"), Map.entry("service-port", "5801"));
		assertThat(hazelcastReads(join)).isEqualTo("KUBERNETES_API");
	}

	@Test
	void kubernetesApiByPodLabel() {
		this.horde.setDiscovery(Discovery.KUBERNETES);
		this.horde.getKubernetes().setPodLabelName("app,role");
		this.horde.getKubernetes().setPodLabelValue("notes,worker");
		JoinConfig join = join(create());
		assertThat(join.getKubernetesConfig().getProperties()).containsOnly(Map.entry("pod-label-name", "app,role"),
				Map.entry("pod-label-value", "notes,worker"), Map.entry("service-port", "5801"));
		assertThat(hazelcastReads(join)).isEqualTo("KUBERNETES_API");
	}

	@Test
	void anExplicitInterfaceIsKeptWithKubernetes() {
		this.horde.setDiscovery(Discovery.KUBERNETES);
		this.horde.getKubernetes().setServiceDns("notes-hazelcast");
		this.horde.getNetwork().setInterface("10.1.2.3");
		Config config = create();
		assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("10.1.2.3");
		assertThat(config.getProperties()).containsEntry("hazelcast.socket.bind.any", "false");
	}

	@Test
	void anExplicitDiscoveryReplacesTheResourcesJoin() {
		this.horde.setConfig(new ClassPathResource("dev/sagents/autoconfigure/horde-member.yaml"));
		this.horde.setMembers(MembersMode.PARTICIPATION);
		this.horde.setDiscovery(Discovery.KUBERNETES);
		this.horde.getKubernetes().setServiceDns("notes-hazelcast");
		Config config = create();
		assertOnly(join(config), Discovery.KUBERNETES);
		// The resource's port, which every pod shares.
		assertThat(join(config).getKubernetesConfig().getProperty("service-port")).isEqualTo("6190");
	}

	@Test
	void withoutADiscoveryTheResourcesJoinStays() {
		this.horde.setConfig(new ClassPathResource("dev/sagents/autoconfigure/horde-member.yaml"));
		JoinConfig join = join(create());
		assertOnly(join, Discovery.TCP);
		assertThat(join.getTcpIpConfig().getMembers()).containsExactly("127.0.0.1:6190");
	}

	@Test
	void joinMembersOverAResourceThatUsesMulticastJoinThemByTcpOnly() {
		this.horde.setConfig(new ByteArrayResource("""
				hazelcast:
				  network:
				    join:
				      multicast:
				        enabled: true
				""".getBytes(StandardCharsets.UTF_8)));
		this.horde.getNetwork().setJoinMembers(List.of("10.0.0.1"));
		JoinConfig join = join(create());
		assertOnly(join, Discovery.TCP);
		assertThat(join.getTcpIpConfig().getMembers()).containsExactly("10.0.0.1");
	}

	@Test
	void explicitTcpOverAResourceKeepsItsMemberList() {
		this.horde.setConfig(new ClassPathResource("dev/sagents/autoconfigure/horde-member.yaml"));
		this.horde.setDiscovery(Discovery.TCP);
		JoinConfig join = join(create());
		assertOnly(join, Discovery.TCP);
		assertThat(join.getTcpIpConfig().getMembers()).containsExactly("127.0.0.1:6190");
	}

	private Config create() {
		return HordeMemberConfigFactory.create(this.horde, "n1", CLUSTER);
	}

	private static JoinConfig join(Config config) {
		return config.getNetworkConfig().getJoin();
	}

	/** {@code discovery} is on; every other way, cloud auto-detection included, is off. */
	private static void assertOnly(JoinConfig join, Discovery discovery) {
		join.verify();
		assertThat(join.getTcpIpConfig().isEnabled()).isEqualTo(discovery == Discovery.TCP);
		assertThat(join.getMulticastConfig().isEnabled()).isEqualTo(discovery == Discovery.MULTICAST);
		assertThat(join.getKubernetesConfig().isEnabled()).isEqualTo(discovery == Discovery.KUBERNETES);
		assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
		assertThat(join.getAwsConfig().isEnabled()).isFalse();
		assertThat(join.getGcpConfig().isEnabled()).isFalse();
		assertThat(join.getAzureConfig().isEnabled()).isFalse();
		assertThat(join.getEurekaConfig().isEnabled()).isFalse();
	}

	/**
	 * The discovery mode Hazelcast's Kubernetes discovery makes of these properties, read as its
	 * discovery strategy reads them when the member starts (which also checks the combination),
	 * with the pod's service-account files (namespace, token, certificate) stubbed: proof that the
	 * names and values are Hazelcast's.
	 */
	/** The properties converted as Hazelcast's discovery service converts them for the strategy. */
	private static Map<String, Comparable<?>> typed(Map<String, String> properties) {
		Map<String, Comparable<?>> typed = new HashMap<>();
		for (PropertyDefinition definition : new HazelcastKubernetesDiscoveryStrategyFactory()
			.getConfigurationProperties()) {
			String value = properties.get(definition.key());
			if (value != null) {
				typed.put(definition.key(), definition.typeConverter().convert(value));
			}
		}
		assertThat(typed.keySet()).as("properties Hazelcast knows").isEqualTo(properties.keySet());
		return typed;
	}

	private static String hazelcastReads(JoinConfig join) {
		try {
			Class<?> type = Class.forName("com.hazelcast.kubernetes.KubernetesConfig");
			Class<?> reader = Class.forName("com.hazelcast.kubernetes.KubernetesConfig$FileContentsReader");
			Object serviceAccountFiles = Proxy.newProxyInstance(reader.getClassLoader(), new Class<?>[] { reader },
					(proxy, method, arguments) -> "stub");
			Constructor<?> constructor = type.getDeclaredConstructor(Map.class, reader);
			constructor.setAccessible(true);
			Object read = constructor.newInstance(typed(join.getKubernetesConfig().getProperties()), serviceAccountFiles);
			Method getMode = type.getDeclaredMethod("getMode");
			getMode.setAccessible(true);
			return getMode.invoke(read).toString();
		}
		catch (ReflectiveOperationException ex) {
			throw new AssertionError(ex);
		}
	}

}
