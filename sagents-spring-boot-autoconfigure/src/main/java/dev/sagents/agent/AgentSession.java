package dev.sagents.agent;

import java.util.Optional;

import dev.sagents.process.Arguments;

/**
 * The everyday entry point: make sure an agent runs and talk to it, without caring whether this
 * call started it.
 */
public class AgentSession {

	private final AgentsSupervisor supervisor;

	public AgentSession(AgentsSupervisor supervisor) {
		this.supervisor = Arguments.notNull(supervisor, "supervisor");
	}

	/** The running agent, started from {@code spec} if it was not running. */
	public AgentRef ensureRunning(AgentSpec spec) {
		return this.supervisor.startAgent(spec).ref();
	}

	/** Whether agent {@code id} runs. */
	public boolean isRunning(String id) {
		return this.supervisor.findAgent(id).isPresent();
	}

	/** The running agent {@code id}, if any; never starts it. */
	public Optional<AgentRef> fetchRunning(String id) {
		return this.supervisor.findAgent(id);
	}

	/** Stops agent {@code id}; {@code false} if it was not running. */
	public boolean stop(String id) {
		return this.supervisor.stopAgent(id);
	}

}
