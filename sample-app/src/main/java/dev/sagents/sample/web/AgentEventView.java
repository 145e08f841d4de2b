package dev.sagents.sample.web;

import java.time.Instant;

import dev.sagents.agent.AgentEvent;

/**
 * An agent event as the API streams it.
 *
 * @param type {@code started}, {@code status}, {@code replied}, {@code published} or
 * {@code shutdown}; also the name of the server-sent event
 * @param agentId the agent
 * @param at when it happened
 * @param detail what happened: the node it started on, the status change ({@code from},
 * {@code to}), the reply, the published payload, or the reason it stopped
 */
public record AgentEventView(String type, String agentId, Instant at, Object detail) {

	static AgentEventView of(AgentEvent event) {
		if (event instanceof AgentEvent.Started started) {
			return view("started", event, started.node());
		}
		if (event instanceof AgentEvent.StatusChanged changed) {
			return view("status", event, new StatusChange(changed.from().value(), changed.to().value()));
		}
		if (event instanceof AgentEvent.Replied replied) {
			return view("replied", event, replied.reply());
		}
		if (event instanceof AgentEvent.Published published) {
			return view("published", event, published.payload());
		}
		return view("shutdown", event, ((AgentEvent.Shutdown) event).reason().value());
	}

	private static AgentEventView view(String type, AgentEvent event, Object detail) {
		return new AgentEventView(type, event.agentId(), event.at(), detail);
	}

	/** The detail of a {@code status} event. */
	record StatusChange(String from, String to) {
	}

}
