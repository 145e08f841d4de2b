package dev.sagents.supervisor;

import java.time.Instant;

import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentSpec;

import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessRef;

/**
 * A process that crashed more often than its restart limit allows and was given up; kept so the
 * actuator endpoint can show it.
 *
 * @param key the process
 * @param node the node it ran on
 * @param at when it was given up
 * @param restarts how many restarts happened within the window
 * @param lastError the last handler exception, as {@code ClassName: message}
 * @param agentSpec what a given-up agent was started from, to start it again; {@code null} for a
 * file system, which starts again from its scope (the key's id)
 */
public record ProcessFailure(ProcessKey key, String node, Instant at, int restarts, String lastError,
		AgentSpec agentSpec) {

	/** The failure of {@code process}, given up now after the restarts {@code intensity} allows. */
	public static ProcessFailure of(ProcessRef process, RestartIntensity intensity, Throwable lastError) {
		return new ProcessFailure(process.key(), process.node(), Instant.now(), intensity.maxRestarts(),
				String.valueOf(lastError), (process instanceof AgentContext agent) ? agent.spec() : null);
	}

}
