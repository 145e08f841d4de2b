package dev.sagents.agent;

/**
 * What a behaviour returns for one message: the agent's new state, the reply to the caller, and
 * whether the agent stops afterwards (normally, so it is not restarted).
 *
 * @param <S> the state type
 * @param state the new state (may be the same object as before)
 * @param reply the reply to a call, or {@code null}; dropped for casts
 * @param stop whether the agent stops normally after this message
 */
public record AgentResult<S>(S state, Object reply, boolean stop) {

	/** Keep going with {@code state}, answering {@code reply}. */
	public static <S> AgentResult<S> reply(S state, Object reply) {
		return new AgentResult<>(state, reply, false);
	}

	/** Keep going with {@code state}, with no reply. */
	public static <S> AgentResult<S> noReply(S state) {
		return new AgentResult<>(state, null, false);
	}

	/** Answer {@code reply}, then stop normally with {@code state} (persisted on the way out). */
	public static <S> AgentResult<S> stop(S state, Object reply) {
		return new AgentResult<>(state, reply, true);
	}

}
