package dev.sagents.horde;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.sagents.agent.AgentStatus;

/**
 * What a horde reference asks of its node: its calls, casts and (an agent's) status, routed to
 * wherever the process runs now. A reference holds this, not the node.
 */
interface ProcessCalls {

	/** Calls; the reply type is checked here, as the process would check it here. */
	CompletableFuture<Object> call(HordeProcessRef ref, Object message, Class<?> replyType, Duration timeout);

	Object callAndWait(HordeProcessRef ref, Object message, Class<?> replyType, Duration timeout);

	void cast(HordeProcessRef ref, Object message);

	AgentStatus status(HordeAgentRef ref);

}
