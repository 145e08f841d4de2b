package dev.sagents.persistence;

import dev.sagents.codec.EncodedValue;
import dev.sagents.process.Arguments;

/**
 * One fenced write of an agent's state: applied only if no activation newer than {@code epoch}
 * has claimed the agent.
 *
 * @param agentId the agent
 * @param epoch the epoch of the activation that writes
 * @param state the state as the codec wrote it
 */
public record StateWrite(String agentId, long epoch, EncodedValue state) {

	public StateWrite {
		Arguments.notNull(agentId, "agentId");
		Arguments.notNull(state, "state");
	}

}
