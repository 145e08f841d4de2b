package dev.sagents.agent;

import dev.sagents.supervisor.ExitReason;

/**
 * The application's agent: what it holds and how it answers. Declare one as a Spring bean; its
 * bean name is the agent type ({@link AgentSpec#type()}). One instance serves every agent of its
 * type, so keep per-agent data in the state, not in fields.
 *
 * <p>Messages to one agent reach {@link #handle} one at a time, in arrival order. If it throws, the
 * caller gets the exception, and the agent restarts from its persisted (or initial) state.
 *
 * @param <S> the state type; keep it a value the configured codec can write (a record is ideal)
 */
public interface AgentBehavior<S> {

	/** The state type, so persistence and (in horde mode) the codec can read it back. */
	Class<S> stateType();

	/** The state of a fresh agent, used when persistence has none stored for it. */
	S initialState(AgentContext context);

	/** Handles one message. */
	AgentResult<S> handle(S state, Object message, AgentContext context) throws Exception;

	/**
	 * Called once when the agent stops for any reason but a crash, after its state was persisted.
	 * Keep it short: the node may be shutting down.
	 */
	default void onStop(S state, ExitReason reason, AgentContext context) {
	}

}
