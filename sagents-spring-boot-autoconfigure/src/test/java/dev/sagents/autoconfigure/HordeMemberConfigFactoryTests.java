package dev.sagents.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MetadataPolicy;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.HazelcastInstance;
import dev.sagents.cluster.MembersMode;
import dev.sagents.horde.HordeStructures;
import dev.sagents.horde.OwnedHazelcastMemberProvider;
import dev.sagents.testsupport.FreePorts;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration of the member sagents starts, as built from {@code sagents.horde.*}: built
 * without starting anything, except once, to see that such a member runs where it should.
 */
class HordeMemberConfigFactoryTests {

	/** The cluster name the application's name gives. */
	private static final String APPLICATION_CLUSTER = "sagents-notes";

	private final HordeProperties horde = new HordeProperties();

	@Test
	void defaultsMakeALoopbackMemberThatJoinsByTcpIpOnly() {
		Config config = HordeMemberConfigFactory.create(this.horde, "n1", APPLICATION_CLUSTER);
		assertThat(config.getClusterName()).isEqualTo(APPLICATION_CLUSTER);
		assertThat(config.getInstanceName()).isEqualTo("sagents-n1");
		assertThat(config.getMemberAttributeConfig().getAttributes())
			.isEqualTo(Map.of(HordeStructures.NODE_NAME_ATTRIBUTE, "n1"));
		NetworkConfig network = config.getNetworkConfig();
		assertThat(network.getPort()).isEqualTo(5801);
		assertThat(network.getPortCount()).isEqualTo(20);
		assertThat(network.isPortAutoIncrement()).isTrue();
		assertThat(network.getInterfaces().isEnabled()).isTrue();
		assertThat(network.getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
		JoinConfig join = network.getJoin();
		assertThat(join.getMulticastConfig().isEnabled()).isFalse();
		assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
		assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
		assertThat(join.getTcpIpConfig().getMembers()).containsExactly("127.0.0.1");
		assertThat(config.getProperties()).containsOnly(entry("hazelcast.socket.bind.any", "false"),
				entry("hazelcast.heartbeat.interval.seconds", "1"), entry("hazelcast.max.no.heartbeat.seconds", "5"),
				entry("hazelcast.connection.monitor.max.faults", "1"),
				entry("hazelcast.connection.monitor.interval", "20"),
				entry("hazelcast.merge.first.run.delay.seconds", "10"),
				entry("hazelcast.merge.next.run.delay.seconds", "10"),
				entry("hazelcast.invocation.retry.pause.millis", "50"),
				entry("hazelcast.operation.backup.timeout.millis", "1000"), entry("hazelcast.phone.home.enabled", "false"),
				entry("hazelcast.logging.type", "slf4j"), entry("hazelcast.shutdownhook.enabled", "false"));
	}

	@Test
	void partitionIsAppendedToTheClusterName() {
		this.horde.setMembers(MembersMode.PARTICIPATION);
		this.horde.setPartition("ord");
		assertThat(HordeMemberConfigFactory.create(this.horde, "n1", APPLICATION_CLUSTER).getClusterName()).isEqualTo("sagents-notes-ord");
		this.horde.setClusterName("agents");
		assertThat(HordeMemberConfigFactory.create(this.horde, "n1", APPLICATION_CLUSTER).getClusterName()).isEqualTo("agents-ord");
	}

	@Test
	void explicitPropertiesReplaceTheDefaults() {
		this.horde.getNetwork().setPort(6100);
		this.horde.getNetwork().setPortCount(3);
		this.horde.getNetwork().setInterface("10.0.0.*");
		this.horde.getNetwork().setJoinMembers(List.of("10.0.0.1", "10.0.0.2:6101"));
		this.horde.getFailureDetection().setHeartbeatInterval(Duration.ofSeconds(2));
		this.horde.getFailureDetection().setMaxNoHeartbeat(Duration.ofSeconds(10));
		this.horde.getFailureDetection().setConnectionMaxFaults(3);
		this.horde.getFailureDetection().setConnectionMonitorInterval(Duration.ofMillis(100));
		Config config = HordeMemberConfigFactory.create(this.horde, "n1", APPLICATION_CLUSTER);
		assertThat(config.getNetworkConfig().getPort()).isEqualTo(6100);
		assertThat(config.getNetworkConfig().getPortCount()).isEqualTo(3);
		assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("10.0.0.*");
		assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()).containsExactly("10.0.0.1",
				"10.0.0.2:6101");
		assertThat(config.getProperties()).contains(entry("hazelcast.heartbeat.interval.seconds", "2"),
				entry("hazelcast.max.no.heartbeat.seconds", "10"), entry("hazelcast.connection.monitor.max.faults", "3"),
				entry("hazelcast.connection.monitor.interval", "100"));
	}

	@Test
	void resourceIsTheBaseAndKeepsWhatThePropertiesDoNotSetExplicitly() {
		this.horde.setConfig(new ClassPathResource("dev/sagents/autoconfigure/horde-member.yaml"));
		this.horde.setMembers(MembersMode.PARTICIPATION);
		this.horde.setPartition("cdg");
		this.horde.getNetwork().setPortCount(2);
		this.horde.getFailureDetection().setMaxNoHeartbeat(Duration.ofSeconds(8));
		Config config = HordeMemberConfigFactory.create(this.horde, "n1", APPLICATION_CLUSTER);
		assertThat(config.getClusterName()).isEqualTo("from-file-cdg");
		assertThat(config.getNetworkConfig().getPort()).isEqualTo(6190);
		assertThat(config.getNetworkConfig().getPortCount()).isEqualTo(2);
		assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
			.containsExactly("127.0.0.1:6190");
		assertThat(config.getProperties()).contains(entry("hazelcast.heartbeat.interval.seconds", "2"),
				entry("hazelcast.max.no.heartbeat.seconds", "8"), entry("hazelcast.connection.monitor.max.faults", "1"),
				entry("hazelcast.shutdownhook.enabled", "false"))
			.doesNotContainKey("hazelcast.socket.bind.any");
		MapConfig registry = config.getMapConfig(HordeStructures.AGENTS_MAP);
		assertThat(registry.getBackupCount()).isEqualTo(2);
		assertThat(registry.getMetadataPolicy()).isEqualTo(MetadataPolicy.CREATE_ON_UPDATE);
	}

	@Test
	void aResourceThatNamesNoClusterJoinsTheApplicationsClusterNotHazelcastsDefault() {
		this.horde.setConfig(new ByteArrayResource("""
				hazelcast:
				  network:
				    port:
				      port: 6190
				""".getBytes(StandardCharsets.UTF_8)));
		assertThat(HordeMemberConfigFactory.create(this.horde, "n1", APPLICATION_CLUSTER).getClusterName())
			.isEqualTo(APPLICATION_CLUSTER);
		this.horde.setMembers(MembersMode.PARTICIPATION);
		this.horde.setPartition("cdg");
		assertThat(HordeMemberConfigFactory.create(this.horde, "n1", APPLICATION_CLUSTER).getClusterName())
			.isEqualTo(APPLICATION_CLUSTER + "-cdg");
	}

	@Test
	void registryMapsSkipJsonMetadataUnlessTheResourceConfiguresThem() {
		Config config = HordeMemberConfigFactory.create(this.horde, "n1", APPLICATION_CLUSTER);
		assertThat(config.getMapConfig(HordeStructures.AGENTS_MAP).getMetadataPolicy()).isEqualTo(MetadataPolicy.OFF);
		assertThat(config.getMapConfig(HordeStructures.FILESYSTEMS_MAP).getMetadataPolicy()).isEqualTo(MetadataPolicy.OFF);
		assertThat(config.getMapConfig(HordeStructures.AGENTS_MAP).getBackupCount()).isEqualTo(1);
		assertThat(config.getMapConfig("application.map").getMetadataPolicy()).isEqualTo(MetadataPolicy.CREATE_ON_UPDATE);
	}

	@Test
	void builtConfigStartsAMemberOnLoopbackInItsPartitionsClusterThatStopShutsDown() {
		this.horde.setMembers(MembersMode.PARTICIPATION);
		this.horde.setPartition("ord");
		String clusterName = FreePorts.clusterName("config");
		this.horde.setClusterName(clusterName);
		int port = FreePorts.block(5);
		this.horde.getNetwork().setPort(port);
		this.horde.getNetwork().setPortCount(5);
		this.horde.getNetwork().setJoinMembers(List.of("127.0.0.1:" + port));
		OwnedHazelcastMemberProvider members = new OwnedHazelcastMemberProvider(
				HordeMemberConfigFactory.create(this.horde, "started", APPLICATION_CLUSTER));
		HazelcastInstance member = members.start();
		try {
			assertThat(members.start()).isSameAs(member);
			assertThat(member.getConfig().getClusterName()).isEqualTo(clusterName + "-ord");
			assertThat(member.getName()).isEqualTo("sagents-started");
			assertThat(member.getCluster().getLocalMember().getAddress().getHost()).isEqualTo("127.0.0.1");
			assertThat(member.getCluster().getLocalMember().getAddress().getPort()).isBetween(port, port + 4);
		}
		finally {
			members.stop();
		}
		assertThat(member.getLifecycleService().isRunning()).isFalse();
	}

	/** An entry of {@code Config.getProperties()}, which is a {@code Map<Object, Object>}. */
	private static Map.Entry<Object, Object> entry(String key, String value) {
		return Map.entry(key, value);
	}

}
