package dev.sagents.horde;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.sagents.agent.AgentEvent;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls, casts and events between real members: in order, following an agent that moved, forgotten with a crashed
 * subscriber, and as slow as the call timeout allows.
 */
class HordeMessagingTest extends TallyClusterTests {

	@Test
	void callsCastsAndEventsWorkAcrossMembersInOrder() {
		startCluster("calls", 3, AgentSettings.defaults());
		String id = this.cluster.idOwnedBy("n3", 0);
		node(0).agents.startAgent(AgentSpec.of(id));
		AgentRef fromN1 = node(0).agents.findAgent(id).orElseThrow();
		assertThat(fromN1.node()).isEqualTo("n3");
		List<AgentEvent> events = new CopyOnWriteArrayList<>();
		node(1).agents.subscribe(id, events::add);
		for (int i = 0; i < 500; i++) {
			fromN1.cast("tick");
		}
		assertThat(fromN1.callAndWait("get", Long.class, TIMEOUT)).isEqualTo(500L);
		Tally.Noted noted = fromN1.call(new Tally.Note("hello", 2), Tally.Noted.class, TIMEOUT).join();
		assertThat(noted).isEqualTo(new Tally.Noted("hello", 501, "n3"));
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(events).filteredOn(AgentEvent.Published.class::isInstance)
				.singleElement()
				.satisfies((event) -> assertThat(((AgentEvent.Published) event).payload())
					.isEqualTo(new Tally.Note("hello", 2))));
		assertThat(events).filteredOn(AgentEvent.Replied.class::isInstance).isNotEmpty();
		assertThat(fromN1.status().value()).isEqualTo("idle");
		node(2).agents.stopAgent(id);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(events).filteredOn(AgentEvent.Shutdown.class::isInstance).hasSize(1));
	}

	@Test
	void subscriptionsFollowAnAgentToItsNextMember() {
		startCluster("follow", 3, AgentSettings.defaults());
		String id = this.cluster.idOwnedBy("n3", 0);
		List<AgentEvent> events = new CopyOnWriteArrayList<>();
		node(0).agents.subscribe(id, events::add);
		AgentRef agent = node(1).agents.startAgent(AgentSpec.of(id)).ref();
		agent.call(new Tally.Note("before", 1), Tally.Noted.class, TIMEOUT).join();
		// An event still on its way when its member crashes is lost with it: the crash comes after.
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(Tally.notes(events)).containsExactly("before"));
		node(2).crash();
		await().atMost(GENEROUS).until(() -> node(0).agents.findAgent(id).map((found) -> !found.node().equals("n3")).orElse(false));
		Tally.Noted after = node(1).agents.findAgent(id).orElseThrow().call(new Tally.Note("after", 1), Tally.Noted.class, TIMEOUT)
			.join();
		assertThat(after.handled()).as("state restored from persistence").isEqualTo(2);
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(Tally.notes(events)).containsExactly("before", "after"));
		assertThat(events).filteredOn(AgentEvent.Started.class::isInstance)
			.extracting((event) -> ((AgentEvent.Started) event).node())
			.containsExactly("n3", after.node());
	}

	@Test
	void theSubscriptionsOfACrashedMemberAreForgotten() {
		startCluster("forget", 3, AgentSettings.defaults());
		String id = this.cluster.idOwnedBy("n1", 0);
		AgentRef agent = node(0).agents.startAgent(AgentSpec.of(id)).ref();
		String crashed = node(2).member();
		node(2).agents.subscribe(id, (event) -> {
		});
		com.hazelcast.multimap.MultiMap<String, String> subscriptions = node(0).hazelcast
			.getMultiMap(HordeStructures.SUBSCRIPTIONS_MAP);
		assertThat(subscriptions.get(id)).containsExactly(crashed);
		node(2).crash();
		await().atMost(GENEROUS).until(() -> subscriptions.get(id).isEmpty());
		// Events go nowhere now: neither to the dead member nor into a topic made anew for it.
		agent.call(new Tally.Note("after", 1), Tally.Noted.class, TIMEOUT).join();
		node(0).agents.stopAgent(id);
		node(1).agents.startAgent(AgentSpec.of(id)).ref().call(new Tally.Note("restarted", 1), Tally.Noted.class, TIMEOUT)
			.join();
		assertThat(node(0).hazelcast.getDistributedObjects()).extracting((object) -> object.getName())
			.doesNotContain(HordeStructures.INBOX_PREFIX + crashed);
	}

	@Test
	void aCallMayTakeLongerThanARequestBetweenMembersUpToTheConfiguredCallTimeout() {
		Duration timeout = Tally.SLOW.multipliedBy(3);
		AgentSettings defaults = AgentSettings.defaults();
		startCluster("slow", 2, new AgentSettings(defaults.inactivityTimeout(), defaults.shutdownGrace(), timeout,
				defaults.restartIntensity()), Duration.ofSeconds(1));
		AgentRef agent = node(0).agents.startAgent(AgentSpec.of(this.cluster.idOwnedBy("n2", 0))).ref();
		assertThat(agent.node()).isEqualTo("n2");
		assertThat(agent.callTimeout()).isEqualTo(timeout);
		assertThat(agent.callAndWait("slow", String.class)).isEqualTo("slept");
		assertThat(agent.call("slow", String.class)).succeedsWithin(timeout).isEqualTo("slept");
	}

}
