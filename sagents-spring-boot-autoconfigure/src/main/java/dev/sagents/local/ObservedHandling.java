package dev.sagents.local;

import org.slf4j.MDC;

import dev.sagents.observation.Exchange;
import dev.sagents.observation.SagentsObservations;
import dev.sagents.process.ProcessKey;

/**
 * How an agent's handler runs: with the agent's id and node in the logging MDC
 * ({@value #AGENT_ID_KEY}, {@value #NODE_KEY}), and, for a {@link TracedMessage}, with its
 * observation in scope, stopped with the handler's outcome; for a {@link TracedCast}, with the
 * observation of its handling, which continues the trace of its sender, in scope. A handler may run on a caller's thread
 * (which may be another agent's handler), so the MDC values it replaces are put back after it.
 */
final class ObservedHandling {

	/** The MDC key of the id of the agent whose handler runs. */
	static final String AGENT_ID_KEY = "sagents.agent.id";

	/** The MDC key of the node it runs on. */
	static final String NODE_KEY = "sagents.node";

	private ObservedHandling() {
	}

	/** Runs {@code handler} on {@code message} (unwrapped from its observation) as the class says. */
	static Object handle(ProcessKey key, String node, SagentsObservations observations, Object message,
			Handler handler) throws Exception {
		String agentId = key.id();
		String previousId = MDC.get(AGENT_ID_KEY);
		String previousNode = MDC.get(NODE_KEY);
		MDC.put(AGENT_ID_KEY, agentId);
		MDC.put(NODE_KEY, node);
		try {
			if (message instanceof TracedMessage traced) {
				return traced.observed().run(() -> handler.handle(traced.message()));
			}
			if (message instanceof TracedCast cast) {
				return observations.receive(Exchange.CAST, key, cast.headers()).run(() -> handler.handle(cast.message()));
			}
			return handler.handle(message);
		}
		finally {
			restore(AGENT_ID_KEY, previousId);
			restore(NODE_KEY, previousNode);
		}
	}

	private static void restore(String key, String previous) {
		if (previous != null) {
			MDC.put(key, previous);
		}
		else {
			MDC.remove(key);
		}
	}

	/** An agent's handler. */
	@FunctionalInterface
	interface Handler {

		Object handle(Object message) throws Exception;

	}

}
