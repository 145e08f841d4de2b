package dev.sagents.local;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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

	private static AgentEvent published(String agentId, Object payload) {
		return new AgentEvent.Published(agentId, Instant.now(), payload);
	}

	private static Object payload(AgentEvent event) {
		return ((AgentEvent.Published) event).payload();
	}

}
