package dev.sagents.horde;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.sagents.agent.AgentSpec;
import dev.sagents.persistence.ClaimingAhead;
import dev.sagents.process.ProcessKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link BatchStarts}: the agents of a batch are claimed ahead together, and so are its file
 * systems, each kind in its own storage; what was claimed for one that does not start is dropped,
 * so no epoch claimed ahead waits for an activation that never comes.
 */
class BatchStartsTests {

	private final ClaimsSeen agents = new ClaimsSeen();

	private final ClaimsSeen fileSystems = new ClaimsSeen();

	private final BatchStarts starts = new BatchStarts(
			(kind) -> Optional.of((kind == ProcessKind.AGENT) ? this.agents : this.fileSystems),
			(key) -> key.id().equals("running"));

	private final List<Registration> batch = List.of(agent("a"), agent("running"), agent("b"), agent("c"),
			fileSystem("scope"), fileSystem("running"), fileSystem("other"));

	@Test
	void theAgentsNotRunningHereAreClaimedAheadTogetherAndAnAgentThatDoesNotStartIsDropped() {
		List<Registration> started = this.starts.start(this.batch, (registration) -> !registration.key().id().equals("b"));

		assertThat(this.agents.claimedAhead).containsExactly(List.of("a", "b", "c"));
		assertThat(this.agents.dropped).containsExactly("b");
		assertThat(started).extracting((registration) -> registration.key().id())
			.containsExactly("a", "running", "c", "scope", "running", "other");
	}

	@Test
	void theFileSystemsNotRunningHereAreClaimedAheadTogetherAndOneThatDoesNotStartIsDropped() {
		this.starts.start(this.batch, (registration) -> !registration.key().id().equals("other"));

		assertThat(this.fileSystems.claimedAhead).containsExactly(List.of("other", "scope"));
		assertThat(this.fileSystems.dropped).containsExactly("other");
		assertThat(this.agents.dropped).isEmpty();
	}

	@Test
	void aFileSystemsStorageThatCannotClaimAheadLeavesTheAgentsClaimedAhead() {
		ClaimsSeen failing = new ClaimsSeen() {
			@Override
			public void claimAhead(Collection<String> ids) throws Exception {
				throw new IOException("store unreachable");
			}
		};
		BatchStarts starts = new BatchStarts((kind) -> Optional.of((kind == ProcessKind.AGENT) ? this.agents : failing),
				(key) -> false);

		List<Registration> started = starts.start(this.batch, (registration) -> !registration.key().id().equals("scope"));

		assertThat(started).hasSize(this.batch.size() - 1);
		assertThat(this.agents.claimedAhead).containsExactly(List.of("a", "b", "c", "running"));
		// Nothing was claimed ahead for the file systems: nothing to drop for the one that did not start.
		assertThat(failing.dropped).isEmpty();
	}

	@Test
	void aStartThatThrowsDropsWhatWasClaimedForItAndForTheRest() {
		assertThatIllegalStateException().isThrownBy(() -> this.starts.start(this.batch, (registration) -> {
			if (registration.key().id().equals("b")) {
				throw new IllegalStateException("cannot start b");
			}
			return true;
		}));

		assertThat(this.agents.dropped).containsExactlyInAnyOrder("b", "c");
		assertThat(this.fileSystems.dropped).containsExactlyInAnyOrder("scope", "other");
	}

	private static Registration agent(String id) {
		return Registration.ofAgent(AgentSpec.of(id), "self", "n1");
	}

	private static Registration fileSystem(String scope) {
		return Registration.ofFileSystem(scope, "self", "n1");
	}

	/** Records the claims ahead and the drops of one kind's storage. */
	private static class ClaimsSeen implements ClaimingAhead {

		final List<List<String>> claimedAhead = new ArrayList<>();

		final List<String> dropped = new ArrayList<>();

		@Override
		public void claimAhead(Collection<String> ids) throws Exception {
			this.claimedAhead.add(ids.stream().sorted().toList());
		}

		@Override
		public void dropClaimAhead(String id) {
			this.dropped.add(id);
		}

	}

}
