package dev.sagents.horde;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sagents.agent.AgentInfo;
import dev.sagents.agent.AgentStatus;
import dev.sagents.filesystem.FileSystemInfo;

import static org.assertj.core.api.Assertions.assertThat;

/** What a member answers when asked what it hosts arrives as it listed it. */
class HostedListingTests {

	@Test
	void theAgentsAMemberHostsArriveAsItListedThem() {
		List<AgentInfo> agents = List.of(new AgentInfo("a1", "node-1", AgentStatus.RUNNING, "tally", "scope-1"),
				new AgentInfo("a2", "node-1", AgentStatus.IDLE, null, null));
		assertThat(HostedListing.decodeAgents(HostedListing.encodeAgents(agents))).isEqualTo(agents);
		assertThat(HostedListing.decodeAgents(HostedListing.encodeAgents(List.of()))).isEmpty();
	}

	@Test
	void theFileSystemsAMemberHostsArriveAsItListedThem() {
		List<FileSystemInfo> fileSystems = List.of(new FileSystemInfo("scope-1", "node-1", 3),
				new FileSystemInfo("scope-2", "node-1", 0));
		assertThat(HostedListing.decodeFileSystems(HostedListing.encodeFileSystems(fileSystems))).isEqualTo(fileSystems);
		assertThat(HostedListing.decodeFileSystems(HostedListing.encodeFileSystems(List.of()))).isEmpty();
	}

}
