package dev.sagents.horde;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.sagents.agent.AgentSpec;
import dev.sagents.persistence.AgentActivation;
import dev.sagents.persistence.AgentStorage;
import dev.sagents.process.StaleActivationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link BatchStarts}: the agents of a batch are claimed ahead together, and what was claimed for
 * one that does not start is dropped, so no epoch claimed ahead waits for an activation that never
 * comes.
 */
class BatchStartsTests {

	private final ClaimsSeen storage = new ClaimsSeen();

	private final BatchStarts starts = new BatchStarts(() -> Optional.of(this.storage),
			(key) -> key.id().equals("running"));

	private final List<Registration> batch = List.of(agent("a"), agent("running"), agent("b"), agent("c"),
			Registration.ofFileSystem("scope", "self", "n1"));

	@Test
	void theAgentsNotRunningHereAreClaimedAheadTogetherAndAnAgentThatDoesNotStartIsDropped() {
		List<Registration> started = this.starts.start(this.batch, (registration) -> !registration.key().id().equals("b"));

		assertThat(this.storage.claimedAhead).containsExactly(List.of("a", "b", "c"));
		assertThat(this.storage.dropped).containsExactly("b");
		assertThat(started).extracting((registration) -> registration.key().id())
			.containsExactly("a", "running", "c", "scope");
	}

	@Test
	void aStartThatThrowsDropsWhatWasClaimedForItAndForTheRest() {
		assertThatIllegalStateException().isThrownBy(() -> this.starts.start(this.batch, (registration) -> {
			if (registration.key().id().equals("b")) {
				throw new IllegalStateException("cannot start b");
			}
			return true;
		}));

		assertThat(this.storage.dropped).containsExactlyInAnyOrder("b", "c");
	}

	private static Registration agent(String id) {
		return Registration.ofAgent(AgentSpec.of(id), "self", "n1");
	}

	/** Records the claims ahead and the drops; activates nothing. */
	private static final class ClaimsSeen implements AgentStorage {

		private final List<List<String>> claimedAhead = new ArrayList<>();

		private final List<String> dropped = new ArrayList<>();

		@Override
		public AgentActivation activate(String agentId, Class<?> stateType, Consumer<StaleActivationException> onStale) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void claimAhead(Collection<String> agentIds) {
			this.claimedAhead.add(agentIds.stream().sorted().toList());
		}

		@Override
		public void dropClaimAhead(String agentId) {
			this.dropped.add(agentId);
		}

	}

}
