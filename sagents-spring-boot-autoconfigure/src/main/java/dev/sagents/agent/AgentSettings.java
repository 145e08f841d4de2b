package dev.sagents.agent;

import java.time.Duration;

import dev.sagents.process.Arguments;
import dev.sagents.supervisor.RestartIntensity;

/**
 * How agents behave, from {@code sagents.agents.*}.
 *
 * @param inactivityTimeout an agent idle this long stops normally; {@code null} or zero: never
 * @param shutdownGrace how long a stopping agent may take to finish its message and persist
 * @param callTimeout the timeout of calls that name none
 * @param restartIntensity how often a crashing agent is restarted
 */
public record AgentSettings(Duration inactivityTimeout, Duration shutdownGrace, Duration callTimeout,
		RestartIntensity restartIntensity) {

	public AgentSettings {
		Arguments.notNull(shutdownGrace, "shutdownGrace");
		Arguments.notNull(callTimeout, "callTimeout");
		Arguments.notNull(restartIntensity, "restartIntensity");
		if (inactivityTimeout != null && inactivityTimeout.isZero()) {
			inactivityTimeout = null;
		}
	}

	/** The defaults: 5 minutes of inactivity, 30 s grace, 30 s calls, 3 restarts in 5 s. */
	public static AgentSettings defaults() {
		return new AgentSettings(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(30),
				RestartIntensity.defaults());
	}

	/** Whether idle agents stop at all. */
	public boolean stopsWhenIdle() {
		return this.inactivityTimeout != null;
	}

}
