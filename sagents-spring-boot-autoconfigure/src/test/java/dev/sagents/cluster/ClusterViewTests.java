package dev.sagents.cluster;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;

/**
 * When a view calls the cluster consistent (readiness and the actuator endpoint report it): the
 * registry and both supervisors see exactly the live nodes, each in the same standing.
 */
class ClusterViewTests {

	private static final List<String> LIVE = List.of("n1", "n2");

	private static final List<Member> ALIVE = List.of(new Member("n1", MemberStatus.ALIVE),
			new Member("n2", MemberStatus.ALIVE));

	@Test
	void instancesThatSeeExactlyTheLiveNodesAlikeAreConsistent() {
		assertThat(view(ALIVE, ALIVE, ALIVE).consistent()).isTrue();
		List<Member> reversed = List.of(ALIVE.get(1), ALIVE.get(0));
		assertThat(view(reversed, reversed, reversed).consistent()).as("listed in another order").isTrue();
	}

	@Test
	void anInstanceThatMissesALiveNodeOrSeesAGoneOneIsInconsistent() {
		assertThat(view(ALIVE, ALIVE, ALIVE.subList(0, 1)).consistent()).isFalse();
		List<Member> withGone = List.of(ALIVE.get(0), ALIVE.get(1), new Member("n3", MemberStatus.ALIVE));
		assertThat(view(withGone, withGone, withGone).consistent()).isFalse();
	}

	@Test
	void instancesThatDisagreeOnAMembersStandingAreInconsistent() {
		List<Member> leaving = List.of(ALIVE.get(0), new Member("n2", MemberStatus.SHUTTING_DOWN));
		assertThat(view(ALIVE, ALIVE, leaving).consistent()).isFalse();
		assertThat(view(leaving, leaving, leaving).consistent()).as("all see it leave").isTrue();
	}

	@Test
	void aNameTwoLiveNodesShareIsADuplicateNodeName() {
		ClusterView view = mock(ClusterView.class, CALLS_REAL_METHODS);
		given(view.liveNodes()).willReturn(LIVE);
		assertThat(view.duplicateNodeNames()).isEmpty();
		given(view.liveNodes()).willReturn(List.of("n1", "n2", "n2", "n3", "n3", "n3"));
		assertThat(view.duplicateNodeNames()).containsExactly("n2", "n3");
	}

	private static ClusterView view(List<Member> registry, List<Member> agents, List<Member> fileSystems) {
		Map<SagentsInstance, List<Member>> members = new EnumMap<>(SagentsInstance.class);
		members.put(SagentsInstance.REGISTRY, registry);
		members.put(SagentsInstance.AGENTS_SUPERVISOR, agents);
		members.put(SagentsInstance.FILE_SYSTEM_SUPERVISOR, fileSystems);
		ClusterView view = mock(ClusterView.class, CALLS_REAL_METHODS);
		given(view.liveNodes()).willReturn(LIVE);
		given(view.members()).willReturn(members);
		return view;
	}

}
