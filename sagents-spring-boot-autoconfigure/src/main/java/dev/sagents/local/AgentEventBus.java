package dev.sagents.local;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import dev.sagents.agent.AgentEvent;
import dev.sagents.agent.AgentEventListener;
import dev.sagents.agent.Subscription;

/**
 * Subscriptions to agent events, by agent id rather than by process, so they survive restarts.
 * Publishing to an agent nobody subscribes to costs one map lookup.
 */
final class AgentEventBus {

	private final Executor executor;

	private final ConcurrentHashMap<String, CopyOnWriteArrayList<LocalSubscription>> subscriptions = new ConcurrentHashMap<>();

	AgentEventBus(Executor executor) {
		this.executor = executor;
	}

	Subscription subscribe(String agentId, AgentEventListener listener) {
		LocalSubscription subscription = new LocalSubscription(agentId, listener, new SerialExecutor(this.executor));
		// Added within the map's atomic step: the last subscription of the agent, closing meanwhile,
		// cannot drop the list from the map between the lookup and the add.
		this.subscriptions.compute(agentId, (id, listeners) -> {
			CopyOnWriteArrayList<LocalSubscription> kept = (listeners != null) ? listeners : new CopyOnWriteArrayList<>();
			kept.add(subscription);
			return kept;
		});
		return subscription;
	}

	/** Whether anyone listens to agent {@code agentId}; cheap enough to call per message. */
	boolean hasSubscribers(String agentId) {
		return this.subscriptions.containsKey(agentId);
	}

	void publish(AgentEvent event) {
		CopyOnWriteArrayList<LocalSubscription> listeners = this.subscriptions.get(event.agentId());
		if (listeners != null) {
			for (LocalSubscription subscription : listeners) {
				subscription.deliver(event);
			}
		}
	}

	private void remove(LocalSubscription subscription) {
		this.subscriptions.computeIfPresent(subscription.agentId, (id, listeners) -> {
			listeners.remove(subscription);
			return listeners.isEmpty() ? null : listeners;
		});
	}

	private final class LocalSubscription implements Subscription {

		private final String agentId;

		private final AgentEventListener listener;

		private final SerialExecutor delivery;

		private volatile boolean closed;

		LocalSubscription(String agentId, AgentEventListener listener, SerialExecutor delivery) {
			this.agentId = agentId;
			this.listener = listener;
			this.delivery = delivery;
		}

		void deliver(AgentEvent event) {
			// Checked when queued, not when run: events published before close() still arrive.
			if (!this.closed) {
				this.delivery.execute(() -> this.listener.onEvent(event));
			}
		}

		@Override
		public void close() {
			if (!this.closed) {
				this.closed = true;
				remove(this);
			}
		}

	}

}
