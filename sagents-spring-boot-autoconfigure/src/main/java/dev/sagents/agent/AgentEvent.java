package dev.sagents.agent;

import java.time.Instant;

import dev.sagents.supervisor.ExitReason;

/** Something an agent did, delivered to its subscribers in the order it happened. */
public sealed interface AgentEvent {

	/** The agent the event is about. */
	String agentId();

	/** When it happened. */
	Instant at();

	/** The agent's status changed. */
	record StatusChanged(String agentId, Instant at, AgentStatus from, AgentStatus to) implements AgentEvent {
	}

	/** The agent replied to a call. */
	record Replied(String agentId, Instant at, Object reply) implements AgentEvent {
	}

	/** The agent started on {@code node}. */
	record Started(String agentId, Instant at, String node) implements AgentEvent {
	}

	/** The agent stopped, and why. */
	record Shutdown(String agentId, Instant at, ExitReason reason) implements AgentEvent {
	}

	/** An application event the agent published through {@link AgentContext#publish(Object)}. */
	record Published(String agentId, Instant at, Object payload) implements AgentEvent {
	}

}
