package dev.sagents.autoconfigure;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ServerSocketEndpointConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the start of a member warns that other hosts' members may join it unannounced: decided on
 * configurations alone, no member is started.
 */
class UnconfinedMemberWarningTests {

	@Test
	void theMemberSagentsStartsByDefaultIsConfined() {
		assertThat(UnconfinedMemberWarning
			.of(HordeMemberConfigFactory.create(new HordeProperties(), "n1", "sagents-notes")))
			.isEmpty();
	}

	@Test
	void aNonLoopbackInterfaceWithMulticastWarnsNamingBoth() {
		Config config = new Config().setClusterName("orders");
		config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("10.0.0.*");
		config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(true);
		assertThat(UnconfinedMemberWarning.of(config)).hasValueSatisfying((warning) -> assertThat(warning)
			.contains("cluster 'orders'", "binds 10.0.0.*", "by multicast", "sagents.horde.network.join-members",
					"docs/security.md"));
	}

	@Test
	void hazelcastsOwnDefaultsWarn() {
		assertThat(UnconfinedMemberWarning.of(new Config())).hasValueSatisfying((warning) -> assertThat(warning)
			.contains("binds an interface of Hazelcast's choice", "by cloud auto-detection"));
	}

	@Test
	void autoDetectionOnAnotherHostsInterfaceWarns() {
		Config config = new Config();
		config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("10.0.0.12");
		config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
		assertThat(UnconfinedMemberWarning.of(config)).hasValueSatisfying((warning) -> assertThat(warning)
			.contains("by cloud auto-detection"));
	}

	@Test
	void aTcpIpMemberListOnAnotherHostsInterfaceIsConfined() {
		Config config = new Config();
		config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("10.0.0.12");
		JoinConfig join = config.getNetworkConfig().getJoin();
		join.getMulticastConfig().setEnabled(false);
		join.getTcpIpConfig().setEnabled(true).addMember("10.0.0.13");
		assertThat(UnconfinedMemberWarning.of(config)).isEmpty();
	}

	@Test
	void multicastOnLoopbackWarnsOnlyWhileTheMemberListensOnEveryInterface() {
		Config config = new Config();
		config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
		config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(true);
		assertThat(UnconfinedMemberWarning.of(config)).hasValueSatisfying((warning) -> assertThat(warning)
			.contains("listens on every interface"));
		config.setProperty("hazelcast.socket.bind.any", "false");
		assertThat(UnconfinedMemberWarning.of(config)).isEmpty();
	}

	@Test
	void theAdvancedNetworkConfigurationIsTheOneRead() {
		Config config = new Config();
		config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
		config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
		config.getAdvancedNetworkConfig().setEnabled(true);
		ServerSocketEndpointConfig member = new ServerSocketEndpointConfig();
		member.getInterfaces().setEnabled(true).addInterface("10.0.0.12");
		config.getAdvancedNetworkConfig().setMemberEndpointConfig(member);
		config.getAdvancedNetworkConfig().getJoin().getMulticastConfig().setEnabled(true);
		assertThat(UnconfinedMemberWarning.of(config)).hasValueSatisfying((warning) -> assertThat(warning)
			.contains("binds 10.0.0.12", "by multicast"));
	}

}
