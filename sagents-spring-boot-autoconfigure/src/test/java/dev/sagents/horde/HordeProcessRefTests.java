package dev.sagents.horde;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

import dev.sagents.agent.AgentStatus;
import dev.sagents.process.ProcessKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A reference to a process on another member: what it asks goes through its node, replies come
 * back as the type the caller asked for, and it follows its process when it moves.
 */
class HordeProcessRefTests {

	private static final ProcessKey AGENT = ProcessKey.agent("a1");

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	/** The configured timeout of calls that name none. */
	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(7);

	private final RecordingCalls calls = new RecordingCalls();

	@Test
	void callsAndCastsGoThroughTheNodeAndRepliesComeBackAsTheTypeAsked() {
		HordeProcessRef ref = new HordeProcessRef(this.calls, AGENT, "host-uuid", "node-1", CALL_TIMEOUT);
		assertThat(ref.call("get", Long.class, TIMEOUT)).isCompletedWithValue(42L);
		assertThat(ref.callAndWait("get", Long.class, TIMEOUT)).isEqualTo(42L);
		ref.cast("tick");
		assertThat(this.calls.asked).containsExactly("call get in PT5S", "callAndWait get in PT5S", "cast tick");
		assertThat(ref.call("get", String.class, TIMEOUT)).failsWithin(TIMEOUT)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(ClassCastException.class);
		assertThatExceptionOfType(ClassCastException.class).isThrownBy(() -> ref.callAndWait("get", String.class, TIMEOUT));
	}

	@Test
	void callsThatNameNoTimeoutWaitTheConfiguredOne() {
		HordeProcessRef ref = new HordeProcessRef(this.calls, AGENT, "host-uuid", "node-1", CALL_TIMEOUT);
		assertThat(ref.callTimeout()).isEqualTo(CALL_TIMEOUT);
		assertThat(ref.call("get", Long.class)).isCompletedWithValue(42L);
		assertThat(ref.callAndWait("get", Long.class)).isEqualTo(42L);
		assertThat(this.calls.asked).containsExactly("call get in PT7S", "callAndWait get in PT7S");
	}

	@Test
	void aReferenceFollowsItsProcessWhereverItMoves() {
		HordeProcessRef ref = new HordeProcessRef(this.calls, AGENT, "host-uuid", "node-1", CALL_TIMEOUT);
		assertThat(ref.key()).isEqualTo(AGENT);
		assertThat(ref.node()).isEqualTo("node-1");
		assertThat(ref.host()).isEqualTo("host-uuid");
		assertThat(ref.isAlive()).isTrue();
		assertThat(ref).hasToString("HordeProcessRef[agent:a1@node-1]");
		ref.ended();
		assertThat(ref.isAlive()).isFalse();
		ref.movedTo("other-uuid", "node-2");
		assertThat(ref.node()).isEqualTo("node-2");
		assertThat(ref.host()).isEqualTo("other-uuid");
		assertThat(ref.isAlive()).as("running again, there").isTrue();
	}

	@Test
	void anAgentsStatusIsAskedOfItsMember() {
		HordeAgentRef agent = new HordeAgentRef(this.calls, AGENT, "host-uuid", "node-1", CALL_TIMEOUT);
		assertThat(agent.status()).isEqualTo(AgentStatus.RUNNING);
		assertThat(this.calls.asked).containsExactly("status of agent:a1");
	}

	@Test
	void aFileSystemsRequestsWaitTheConfiguredTimeout() {
		HordeFileSystemRef fileSystem = new HordeFileSystemRef(this.calls, ProcessKey.fileSystem("s1"), "host-uuid",
				"node-1", Duration.ofSeconds(3));
		fileSystem.flush();
		assertThat(this.calls.asked).containsExactly("callAndWait Flush[] in PT3S");
	}

	/** The node's side: answers 42 to every call, and an agent runs. */
	private static final class RecordingCalls implements ProcessCalls {

		private final List<String> asked = new ArrayList<>();

		@Override
		public CompletableFuture<Object> call(HordeProcessRef ref, Object message, Class<?> replyType,
				Duration timeout) {
			this.asked.add("call " + message + " in " + timeout);
			return CompletableFuture.completedFuture(42L);
		}

		@Override
		public Object callAndWait(HordeProcessRef ref, Object message, Class<?> replyType, Duration timeout) {
			this.asked.add("callAndWait " + message + " in " + timeout);
			return 42L;
		}

		@Override
		public void cast(HordeProcessRef ref, Object message) {
			this.asked.add("cast " + message);
		}

		@Override
		public AgentStatus status(HordeAgentRef ref) {
			this.asked.add("status of " + ref.key());
			return AgentStatus.RUNNING;
		}

	}

}
