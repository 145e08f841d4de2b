package dev.sagents.agent;

/**
 * Receives an agent's events. Called on a shared executor, one event at a time per subscription,
 * in order; a slow listener delays only its own subscription.
 */
@FunctionalInterface
public interface AgentEventListener {

	void onEvent(AgentEvent event);

}
