package dev.sagents.horde;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.sagents.cluster.MembersMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** What the parts of a node share: its settings, and its member's UUID as it is now. */
class NodeContextTests {

	@Test
	void thePartsReadTheNodesSettingsAndItsMembersCurrentUuid() {
		HordeMembership membership = mock(HordeMembership.class);
		given(membership.localMember()).willReturn("uuid-before-split", "uuid-after-merge");
		NodeContext context = new NodeContext(
				new HordeSettings("node-1", MembersMode.AUTO, null, Duration.ofSeconds(7), Duration.ZERO), null, null,
				membership, null, null, new NodeState(), () -> true);
		assertThat(context.nodeName()).isEqualTo("node-1");
		assertThat(context.requestTimeout()).isEqualTo(Duration.ofSeconds(7));
		assertThat(context.localMember()).isEqualTo("uuid-before-split");
		assertThat(context.localMember()).as("read each time").isEqualTo("uuid-after-merge");
	}

}
