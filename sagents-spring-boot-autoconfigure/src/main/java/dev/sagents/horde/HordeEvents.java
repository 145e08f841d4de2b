package dev.sagents.horde;

import java.time.Duration;
import java.util.Map;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import com.hazelcast.core.EntryAdapter;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.MapEvent;
import com.hazelcast.multimap.MultiMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.agent.AgentEventListener;
import dev.sagents.agent.Subscription;
import dev.sagents.codec.MessageEncodingException;
import dev.sagents.local.LocalAgentsSupervisor;
import dev.sagents.local.LocalProcessRegistry;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;

/**
 * Agent events across the horde. A subscription lives on the subscriber's node (in its local
 * agents supervisor) and is registered cluster-wide in {@link HordeStructures#SUBSCRIPTIONS_MAP}; the
 * agent's host, wherever the agent runs now or later, relays its events to every subscribed member
 * through that member's inbox, where they are delivered to the local subscribers in order.
 */
final class HordeEvents {

	private static final Logger logger = LoggerFactory.getLogger(HordeEvents.class);

	private final HordeTransport transport;

	private final HordeMembership membership;

	private final LocalProcessRegistry hosted;

	private final LocalAgentsSupervisor localAgents;

	private final AgentEvents codec;

	private final Function<ProcessKey, Optional<Registration>> registry;

	private final Duration requestTimeout;

	private final BooleanSupplier joined;

	private final MultiMap<String, String> subscriptions;

	/**
	 * How many agent subscriptions the cluster holds, as this node last heard (never less than the
	 * truth once {@link #subscriptionsExist()} was called); while none, a started agent skips
	 * reading who subscribes to it.
	 */
	private final AtomicInteger subscriptionCount = new AtomicInteger();

	/** How many subscriptions the application holds on this node, per agent. */
	private final Map<String, Integer> subscribers = new ConcurrentHashMap<>();

	/**
	 * The agents about to start here, whose subscribers are relayed to as if they ran here, with
	 * how many starts of each are under way.
	 */
	private final Map<String, Integer> starting = new ConcurrentHashMap<>();

	/** Per hosted agent, the members that subscribed to its events and the local subscription relaying to each. */
	private final Map<String, Map<String, Subscription>> relays = new ConcurrentHashMap<>();

	/**
	 * @param registry where a process is registered now
	 * @param joined whether this node still takes part (no unsubscribing once it left)
	 */
	HordeEvents(HazelcastInstance hazelcast, HordeTransport transport, HordeMembership membership,
			LocalProcessRegistry hosted, LocalAgentsSupervisor localAgents, AgentEvents codec,
			Function<ProcessKey, Optional<Registration>> registry, Duration requestTimeout, BooleanSupplier joined) {
		this.transport = transport;
		this.membership = membership;
		this.hosted = hosted;
		this.localAgents = localAgents;
		this.codec = codec;
		this.registry = registry;
		this.requestTimeout = requestTimeout;
		this.joined = joined;
		this.subscriptions = hazelcast.getMultiMap(HordeStructures.SUBSCRIPTIONS_MAP);
		this.subscriptions.addEntryListener(new SubscriptionCounter(), false);
		// A proxy node alone with other proxies reads no count: the listener above counts from now.
		this.subscriptionCount.set(membership.holdsData() ? this.subscriptions.size() : 0);
	}

	/**
	 * Subscribes {@code listener} on this node and makes sure the agent's host, now and after any
	 * move, relays the agent's events here. Registering interest before looking up the host (which
	 * registers before reading interest) means one of the two always sees the other.
	 */
	Subscription subscribe(String agentId, AgentEventListener listener) {
		this.membership.ensureDataHeld();
		Subscription local = this.localAgents.subscribe(agentId, listener);
		this.subscribers.merge(agentId, 1, Integer::sum);
		boolean firstHeardOf = this.subscriptionCount.get() == 0;
		this.subscriptions.put(agentId, this.membership.localMember());
		if (firstHeardOf) {
			tellEveryMemberSubscriptionsExist();
		}
		askHost(agentId, RequestOperation.SUBSCRIBE);
		return new Subscription() {

			private boolean closed;

			@Override
			public synchronized void close() {
				if (this.closed) {
					return;
				}
				this.closed = true;
				local.close();
				boolean last = HordeEvents.this.subscribers.computeIfPresent(agentId,
						(id, count) -> (count > 1) ? count - 1 : null) == null;
				if (last && HordeEvents.this.joined.getAsBoolean()) {
					HordeEvents.this.subscriptions.remove(agentId, HordeEvents.this.membership.localMember());
					askHost(agentId, RequestOperation.UNSUBSCRIBE);
				}
			}

		};
	}

	/**
	 * The other members learn of subscriptions through map events, a little later; until then they
	 * would start an agent without reading who subscribes to it. So the first subscription this
	 * node hears of is announced to every member, and waited for, before it counts as made.
	 */
	private void tellEveryMemberSubscriptionsExist() {
		String self = this.membership.localMember();
		CompletableFuture<?>[] told = this.membership.memberIds()
			.stream()
			.filter((member) -> !member.equals(self))
			.map((member) -> this.transport.request(member, RequestOperation.SUBSCRIPTIONS_EXIST, new byte[0],
					this.requestTimeout))
			.toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(told).get(this.requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.debug("Not every member confirmed that subscriptions exist: {}", ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Another member made the first subscription it heard of: from now on, started agents read who subscribes. */
	void subscriptionsExist() {
		this.subscriptionCount.updateAndGet((count) -> Math.max(count, 1));
	}

	/** Sends {@code operation} about {@code agentId} to the agent's host, when that is another member. */
	private void askHost(String agentId, RequestOperation operation) {
		String self = this.membership.localMember();
		this.registry.apply(ProcessKey.agent(agentId))
			.filter((found) -> !found.host().equals(self))
			.ifPresent((found) -> this.transport.request(found.host(), operation,
					new Wire.Writer().writeString(agentId).toBytes(), this.requestTimeout));
	}

	/**
	 * Relays the events of {@code agentId} to {@code member}, if in the cluster, when the agent is
	 * hosted here or starting here: one starting may have read the subscriptions before
	 * {@code member} subscribed.
	 */
	void relayTo(String agentId, String member) {
		if (runsOrStartsHere(agentId)) {
			relay(agentId, member);
		}
	}

	/** Relays the events of {@code agentId}, hosted here now or soon, to {@code member}, if in the cluster. */
	private void relay(String agentId, String member) {
		if (member.equals(this.membership.localMember()) || !this.membership.isMember(member)) {
			return;
		}
		this.relays.computeIfAbsent(agentId, (id) -> new ConcurrentHashMap<>())
			.computeIfAbsent(member, (target) -> this.localAgents.subscribe(agentId, (event) -> {
				try {
					this.transport.event(target, agentId, this.codec.encode(event));
				}
				catch (MessageEncodingException ex) {
					logger.debug("Event of agent {} cannot travel to member {}: {}", agentId, target, ex.getMessage());
				}
			}));
	}

	/** Stops relaying the events of {@code agentId} to {@code member}. */
	void stopRelaying(String agentId, String member) {
		Map<String, Subscription> byMember = this.relays.get(agentId);
		if (byMember != null) {
			Subscription relay = byMember.remove(member);
			if (relay != null) {
				relay.close();
			}
		}
	}

	/** Stops relaying anything to {@code member}, which left. */
	void stopRelayingTo(String member) {
		this.relays.forEach((agentId, byMember) -> stopRelaying(agentId, member));
	}

	/**
	 * Agent {@code agentId} is about to start here: relays its events to the members that
	 * subscribed to it. Called before the agent can handle a message, as an agent that restarted
	 * here after a failure may be called at once, and reading the subscriptions can take a while
	 * when a member just failed (the map's partitions move). A subscription made after that read
	 * asks the host its registration names, here already for a restart, to relay: until the agent
	 * {@linkplain #agentStarted started} it is relayed as starting. (A handoff registers the agents
	 * it brings after starting them: a subscription made in between asks the member they left, and
	 * is read again once they are {@linkplain #agentsRegistered registered}.)
	 */
	void agentStarting(String agentId) {
		this.starting.merge(agentId, 1, Integer::sum);
		relaySubscribed(agentId);
	}

	/** Agent {@code agentId}, {@linkplain #agentStarting starting} here, started. */
	void agentStarted(String agentId) {
		startEnded(agentId);
	}

	/**
	 * Agent {@code agentId}, {@linkplain #agentStarting starting} here, did not start: its relays
	 * end unless it runs here (it ran already) or another start of it is under way.
	 */
	void agentNotStarting(String agentId) {
		startEnded(agentId);
		agentEnded(agentId);
	}

	/** One start of {@code agentId} under way here ended, whether or not it started the agent. */
	private void startEnded(String agentId) {
		this.starting.computeIfPresent(agentId, (id, count) -> (count > 1) ? count - 1 : null);
	}

	/** Whether agent {@code agentId} runs here, or a start of it is under way here. */
	private boolean runsOrStartsHere(String agentId) {
		return this.starting.containsKey(agentId) || runsHere(agentId);
	}

	private boolean runsHere(String agentId) {
		return this.hosted.lookupHosted(ProcessKey.agent(agentId)).isPresent();
	}

	/**
	 * Agents a handoff brought here were registered here: reads who subscribes to them again, as a
	 * subscription made between their start and their registration asked the member they left.
	 */
	void agentsRegistered(Collection<String> agentIds) {
		for (String agentId : agentIds) {
			if (runsHere(agentId)) {
				relaySubscribed(agentId);
			}
		}
	}

	/** Relays the events of {@code agentId}, starting or running here, to the members that subscribed to it. */
	private void relaySubscribed(String agentId) {
		if (this.subscriptionCount.get() > 0) {
			for (String member : this.subscriptions.get(agentId)) {
				relay(agentId, member);
			}
		}
	}

	/**
	 * An agent ended here: events already queued (its Shutdown event among them) still reach the
	 * subscribers. The relays stay if the agent started again here meanwhile, or is starting.
	 */
	void agentEnded(String agentId) {
		if (runsOrStartsHere(agentId)) {
			return;
		}
		Map<String, Subscription> byMember = this.relays.remove(agentId);
		if (byMember != null) {
			byMember.values().forEach(Subscription::close);
		}
	}

	/** Delivers an event relayed from the agent's host to this node's subscribers. */
	void deliver(String agentId, byte[] event) {
		try {
			this.localAgents.deliver(this.codec.decode(event));
		}
		catch (RuntimeException ex) {
			logger.warn("Dropping an event of agent {} that could not be decoded", agentId, ex);
		}
	}

	/**
	 * Removes the subscriptions of {@code member}, which left for good. Reads every subscription:
	 * departures are rare, and the map is keyed by agent so that starts read it cheaply.
	 */
	void forgetSubscriber(String member) {
		if (this.subscriptionCount.get() == 0) {
			return;
		}
		for (Map.Entry<String, String> subscription : this.subscriptions.entrySet()) {
			if (subscription.getValue().equals(member)) {
				this.subscriptions.remove(subscription.getKey(), member);
			}
		}
	}

	/**
	 * After a split healed and Hazelcast gave this member a new UUID: its subscriptions move to
	 * that UUID and the agents' hosts relay to it again, and the agents it still hosts relay again
	 * to the subscribers it stopped relaying to when it saw them leave.
	 */
	void rejoined(String previous) {
		// The merge brought the other side's subscriptions without telling this member's counter.
		this.subscriptionCount.accumulateAndGet(this.subscriptions.size(), Math::max);
		if (!this.subscribers.isEmpty()) {
			tellEveryMemberSubscriptionsExist();
			String self = this.membership.localMember();
			for (String agentId : this.subscribers.keySet()) {
				this.subscriptions.remove(agentId, previous);
				this.subscriptions.put(agentId, self);
				askHost(agentId, RequestOperation.SUBSCRIBE);
			}
		}
		this.hosted.keysHosted(ProcessKind.AGENT).forEach((key) -> relaySubscribed(key.id()));
	}

	/** Stops every relay; this node leaves. */
	void close() {
		this.relays.values().forEach((byMember) -> byMember.values().forEach(Subscription::close));
		this.relays.clear();
	}

	/** Keeps {@link #subscriptionCount} in step with the subscriptions map. */
	private final class SubscriptionCounter extends EntryAdapter<String, String> {

		@Override
		public void entryAdded(EntryEvent<String, String> event) {
			HordeEvents.this.subscriptionCount.incrementAndGet();
		}

		@Override
		public void entryRemoved(EntryEvent<String, String> event) {
			HordeEvents.this.subscriptionCount.decrementAndGet();
		}

		@Override
		public void mapCleared(MapEvent event) {
			HordeEvents.this.subscriptionCount.set(0);
		}

	}

}
