package dev.sagents.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import dev.sagents.agent.AgentEvent;
import dev.sagents.agent.Subscription;
import dev.sagents.testsupport.ManualExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who hears an agent's events, and how: each subscription gets its events one at a time, in the
 * order they were published, without holding a thread in between. The executor here runs tasks
 * only when the test says, so the order is exact.
 */
class AgentEventBusTests {

	/** How long the rounds of a race between threads go on. */
	private static final Duration RACE_FOR = Duration.ofSeconds(3);

	private final ManualExecutor executor = new ManualExecutor();

	private final AgentEventBus bus = new AgentEventBus(this.executor);

	@Test
	void anEventReachesEverySubscriberOfItsAgentAndNoOther() {
		List<Object> first = new CopyOnWriteArrayList<>();
		List<Object> second = new CopyOnWriteArrayList<>();
		List<Object> other = new CopyOnWriteArrayList<>();
		this.bus.subscribe("a", (event) -> first.add(payload(event)));
		this.bus.subscribe("a", (event) -> second.add(payload(event)));
		this.bus.subscribe("b", (event) -> other.add(payload(event)));
		this.bus.publish(published("a", "hello"));
		this.bus.publish(published("nobody", "lost"));
		this.executor.runQueued();
		assertThat(first).containsExactly("hello");
		assertThat(second).containsExactly("hello");
		assertThat(other).isEmpty();
	}

	@Test
	void closingOneSubscriptionLeavesTheOtherSubscribersOfTheAgentListening() {
		List<Object> kept = new CopyOnWriteArrayList<>();
		List<Object> closed = new CopyOnWriteArrayList<>();
		this.bus.subscribe("a", (event) -> kept.add(payload(event)));
		this.bus.subscribe("a", (event) -> closed.add(payload(event))).close();
		this.bus.publish(published("a", "hello"));
		this.executor.runQueued();
		assertThat(kept).containsExactly("hello");
		assertThat(closed).isEmpty();
	}

	@Test
	void anAgentHasSubscribersExactlyWhileASubscriptionToItIsOpen() {
		assertThat(this.bus.hasSubscribers("a")).isFalse();
		this.bus.subscribe("b", (event) -> {
		});
		Subscription first = this.bus.subscribe("a", (event) -> {
		});
		Subscription second = this.bus.subscribe("a", (event) -> {
		});
		assertThat(this.bus.hasSubscribers("a")).isTrue();
		assertThat(this.bus.hasSubscribers("c")).isFalse();
		first.close();
		first.close();
		assertThat(this.bus.hasSubscribers("a")).isTrue();
		second.close();
		assertThat(this.bus.hasSubscribers("a")).isFalse();
	}

	@Test
	void anEventPublishedAfterASubscriptionClosedMissesItEvenWhenThePublishWasUnderWay() {
		AgentEventBus direct = new AgentEventBus(Runnable::run);
		List<Object> late = new CopyOnWriteArrayList<>();
		Subscription[] closing = new Subscription[1];
		direct.subscribe("a", (event) -> closing[0].close());
		closing[0] = direct.subscribe("a", (event) -> late.add(payload(event)));
		direct.publish(published("a", "hello"));
		assertThat(late).isEmpty();
	}

	@Test
	void aSubscriberGetsItsEventsOneAtATimeInTheOrderTheyWerePublished() {
		List<String> seen = new CopyOnWriteArrayList<>();
		this.bus.subscribe("a", (event) -> {
			seen.add("start " + payload(event));
			// Whatever else the executor has queued runs meanwhile, as on another thread of a pool.
			this.executor.runQueued();
			seen.add("end " + payload(event));
		});
		this.bus.publish(published("a", "one"));
		this.bus.publish(published("a", "two"));
		this.executor.runQueued();
		assertThat(seen).containsExactly("start one", "end one", "start two", "end two");
	}

	@Test
	void aListenerThatThrowsMissesOnlyTheEventItThrewForAndHearsTheNextOnes() {
		List<Object> seen = new CopyOnWriteArrayList<>();
		this.bus.subscribe("a", (event) -> {
			if ("bad".equals(payload(event))) {
				throw new IllegalStateException("listener bug");
			}
			seen.add(payload(event));
		});
		this.bus.publish(published("a", "bad"));
		this.executor.runQueued();
		this.bus.publish(published("a", "good"));
		this.executor.runQueued();
		assertThat(seen).containsExactly("good");
	}

	/**
	 * The last subscription of an agent closing while another subscribes: the new one is kept. The
	 * two threads spin until both are ready, then race, the closing one after a varying delay. A
	 * round may or may not meet the instant a subscription could be lost in, so the rounds go on
	 * for a few seconds (without the fix, the loss showed within the first few thousand rounds).
	 */
	@Test
	void aSubscriptionMadeWhileTheLastOneOfItsAgentClosesIsKept() throws Exception {
		AgentEventBus direct = new AgentEventBus(Runnable::run);
		AtomicInteger started = new AtomicInteger();
		AtomicInteger closed = new AtomicInteger();
		AtomicReference<Subscription> closing = new AtomicReference<>();
		ExecutorService closer = Executors.newSingleThreadExecutor();
		Future<?> closes = closer.submit(() -> {
			for (int round = 1; awaitRound(started, round, () -> false); round++) {
				for (int spin = ThreadLocalRandom.current().nextInt(200); spin > 0; spin--) {
					Thread.onSpinWait();
				}
				closing.get().close();
				closed.set(round);
			}
		});
		try {
			long start = System.nanoTime();
			for (int round = 1; System.nanoTime() - start < RACE_FOR.toNanos(); round++) {
				closing.set(direct.subscribe("a", (event) -> {
				}));
				List<Object> heard = new CopyOnWriteArrayList<>();
				started.set(round);
				Subscription racing = direct.subscribe("a", (event) -> heard.add(payload(event)));
				assertThat(awaitRound(closed, round, closes::isDone)).as("the closing thread ended").isTrue();
				direct.publish(published("a", "round " + round));
				assertThat(heard).as("the subscription of round %d", round).containsExactly("round " + round);
				racing.close();
			}
		}
		finally {
			started.set(Integer.MIN_VALUE);
			closer.shutdown();
		}
		assertThat(closes).succeedsWithin(Duration.ofMinutes(1));
	}

	/**
	 * Spins until {@code reached} is at {@code round}; {@code false} once it was set negative, to
	 * end, or {@code other} ended.
	 */
	private static boolean awaitRound(AtomicInteger reached, int round, BooleanSupplier other) {
		int at;
		while ((at = reached.get()) >= 0 && at < round && !other.getAsBoolean()) {
			Thread.onSpinWait();
		}
		return at >= round;
	}

	private static AgentEvent published(String agentId, Object payload) {
		return new AgentEvent.Published(agentId, Instant.now(), payload);
	}

	private static Object payload(AgentEvent event) {
		return ((AgentEvent.Published) event).payload();
	}

}
