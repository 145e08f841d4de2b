package dev.sagents.horde;

import com.hazelcast.config.Config;
import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.core.HazelcastInstance;
import dev.sagents.testsupport.FreePorts;
import dev.sagents.testsupport.LoopbackMembers;
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
		Config config = LoopbackMembers.config(clusterName, clusterName, FreePorts.one(), 1);
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

}
