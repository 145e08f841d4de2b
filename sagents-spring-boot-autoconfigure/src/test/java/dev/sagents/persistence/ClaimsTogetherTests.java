package dev.sagents.persistence;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Several calls of the store at once: a batch asked for while another call is under way goes out
 * without waiting for it to end; once as many calls as allowed are under way, the claims asked
 * for meanwhile go together in the next call; every asker gets exactly its agents, and a failed
 * call fails only its own askers.
 */
class ClaimsTogetherTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final HeldStore store = new HeldStore();

	private final ClaimsTogether<StoredState> together = new ClaimsTogether<>(this.store::claimAll, 2);

	private final ExecutorService askers = Executors.newCachedThreadPool();

	@AfterEach
	void stop() {
		this.askers.shutdownNow();
	}

	@Test
	void aBatchGoesOutWhileAnotherCallIsUnderWay() throws Exception {
		Held first = askHeld("a", "b");

		Held second = askHeld("c");
		assertThat(second.call().agentIds()).containsExactly("c");
		second.call().answer();

		assertThat(get(second.claimed())).containsOnlyKeys("c");
		assertThat(first.claimed()).isNotDone();
		first.call().answer();
		assertThat(get(first.claimed())).containsOnlyKeys("a", "b");
	}

	@Test
	void claimsAskedForWhileEveryCallIsUnderWayGoTogetherAndEachAskerGetsItsShare() throws Exception {
		Held a = askHeld("a");
		Held b = askHeld("b");
		List<Future<Map<String, StoredState>>> queued = List.of(ask("q1", "q2"), ask("q3"), ask("q2", "q4"));
		await().atMost(TIMEOUT).until(() -> this.together.queued() == 3);

		a.call().answer();
		Call queuedCall = this.store.nextCall();
		assertThat(queuedCall.agentIds()).containsExactlyInAnyOrder("q1", "q2", "q3", "q4");
		queuedCall.answer();
		b.call().answer();

		assertThat(get(a.claimed())).containsExactly(Map.entry("a", a.call().claimed()));
		assertThat(get(b.claimed())).containsExactly(Map.entry("b", b.call().claimed()));
		assertThat(get(queued.get(0))).containsOnlyKeys("q1", "q2").containsValue(queuedCall.claimed());
		assertThat(get(queued.get(1))).containsOnlyKeys("q3").containsValue(queuedCall.claimed());
		assertThat(get(queued.get(2))).containsOnlyKeys("q2", "q4").containsValue(queuedCall.claimed());
		assertThat(this.store.calls).hasValue(3);
	}

	@Test
	void aFailedCallFailsItsAskersOnly() throws Exception {
		Held a = askHeld("a");
		Held b = askHeld("b");
		Future<Map<String, StoredState>> c = ask("c");
		Future<Map<String, StoredState>> d = ask("d");
		await().atMost(TIMEOUT).until(() -> this.together.queued() == 2);

		b.call().answer();
		Call failingCall = this.store.nextCall();
		IllegalStateException failure = new IllegalStateException("the database is gone");
		failingCall.fail(failure);
		a.call().answer();

		assertThatThrownBy(() -> get(c)).isInstanceOf(ExecutionException.class).cause().isSameAs(failure);
		assertThatThrownBy(() -> get(d)).isInstanceOf(ExecutionException.class).cause().isSameAs(failure);
		assertThat(get(a.claimed())).containsOnlyKeys("a");
		assertThat(get(b.claimed())).containsOnlyKeys("b");
	}

	private Future<Map<String, StoredState>> ask(String... agentIds) {
		return this.askers.submit(() -> this.together.claim(List.of(agentIds)));
	}

	/** Asks for {@code agentIds} and waits for the call of the store that claims them, held. */
	private Held askHeld(String... agentIds) throws InterruptedException {
		Future<Map<String, StoredState>> claimed = ask(agentIds);
		return new Held(claimed, this.store.nextCall());
	}

	private static Map<String, StoredState> get(Future<Map<String, StoredState>> claimed)
			throws InterruptedException, ExecutionException, TimeoutException {
		return claimed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
	}

	/** What an asker gets once answered, and the call of the store, held, that claims for it. */
	private record Held(Future<Map<String, StoredState>> claimed, Call call) {
	}

	/**
	 * A call of {@link AgentStateStore#claimAll} held until the test answers it, with the epoch of
	 * the call's number for each of its agents, or fails it.
	 */
	private record Call(Collection<String> agentIds, int number, CompletableFuture<Void> release) {

		StoredState claimed() {
			return new StoredState(this.number, null);
		}

		void answer() {
			this.release.complete(null);
		}

		void fail(RuntimeException failure) {
			this.release.completeExceptionally(failure);
		}

	}

	/** A store whose every {@code claimAll} waits until the test answers or fails it. */
	private static final class HeldStore implements AgentStateStore {

		final AtomicInteger calls = new AtomicInteger();

		private final BlockingQueue<Call> arrived = new LinkedBlockingQueue<>();

		/** The next call of {@code claimAll} to reach the store, waited for. */
		Call nextCall() throws InterruptedException {
			Call call = this.arrived.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			assertThat(call).as("a call of claimAll within " + TIMEOUT).isNotNull();
			return call;
		}

		@Override
		public Map<String, StoredState> claimAll(Collection<String> agentIds) throws Exception {
			Call call = new Call(List.copyOf(agentIds), this.calls.incrementAndGet(), new CompletableFuture<>());
			this.arrived.add(call);
			try {
				// Until the test answers, or stops its askers (interrupted).
				call.release().get();
			}
			catch (ExecutionException ex) {
				throw (Exception) ex.getCause();
			}
			return call.agentIds().stream().collect(Collectors.toMap((id) -> id, (id) -> call.claimed()));
		}

		@Override
		public StoredState claim(String agentId) {
			throw new UnsupportedOperationException("claimed together only");
		}

		@Override
		public Optional<StoredState> read(String agentId) {
			return Optional.empty();
		}

		@Override
		public boolean[] write(List<StateWrite> writes) {
			return new boolean[writes.size()];
		}

	}

}
