package dev.sagents.horde;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * Whose Hazelcast member sagents runs on, and who shuts it down. Starting a member of its own is
 * shown in {@code HordeMemberConfigFactoryTests}; no member starts here.
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

}
