package dev.sagents.horde;

import com.hazelcast.config.Config;
import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.HazelcastInstance;
import dev.sagents.testsupport.FreePorts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * Whose Hazelcast member sagents runs on, and who shuts it down. Starting a member of its own is
 * shown in {@code HordeMemberConfigFactoryTests}; here a member starts only to take the name of a
 * second one.
 */
class MemberProvidersTests {

	@Test
	void theApplicationsMemberIsUsedAsItIsAndLeftRunning() {
		HazelcastInstance application = mock(HazelcastInstance.class);
		ApplicationHazelcastMemberProvider members = new ApplicationHazelcastMemberProvider(application);
		assertThat(members.start()).isSameAs(application);
		members.stop();
		then(application).shouldHaveNoInteractions();
	}

	@Test
	void stoppingAnOwnedMemberThatNeverStartedDoesNothing() {
		OwnedHazelcastMemberProvider members = new OwnedHazelcastMemberProvider(new Config());
		assertThatNoException().isThrownBy(members::stop);
	}

	@Test
	void aSecondMemberOfTheSameNameInOneJvmIsRefusedWithTheNameInUse() {
		String clusterName = FreePorts.clusterName("name-in-use");
		Config config = loopbackMember(clusterName, FreePorts.one());
		config.getMemberAttributeConfig().setAttribute(HordeStructures.NODE_NAME_ATTRIBUTE, "orders-1");
		OwnedHazelcastMemberProvider first = new OwnedHazelcastMemberProvider(config);
		OwnedHazelcastMemberProvider second = new OwnedHazelcastMemberProvider(config);
		first.start();
		try {
			MemberNameInUseException refusal = catchThrowableOfType(MemberNameInUseException.class, second::start);
			assertThat(refusal).isNotNull().hasCauseInstanceOf(InvalidConfigurationException.class);
			assertThat(refusal.instanceName()).isEqualTo(clusterName);
			assertThat(refusal.nodeName()).isEqualTo("orders-1");
		}
		finally {
			first.stop();
		}
	}

	private static Config loopbackMember(String name, int port) {
		Config config = new Config();
		config.setClusterName(name);
		config.setInstanceName(name);
		config.setProperty("hazelcast.phone.home.enabled", "false");
		config.setProperty("hazelcast.logging.type", "slf4j");
		config.setProperty("hazelcast.shutdownhook.enabled", "false");
		config.setProperty("hazelcast.socket.bind.any", "false");
		NetworkConfig network = config.getNetworkConfig();
		network.setPort(port).setPortCount(1).setPortAutoIncrement(false);
		network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
		JoinConfig join = network.getJoin();
		join.getMulticastConfig().setEnabled(false);
		join.getAutoDetectionConfig().setEnabled(false);
		join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port);
		return config;
	}

}
