package dev.sagents.testsupport;

import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentContext;

/**
 * The base of a test's agents: it declares the state type and the state every fresh agent starts
 * from, so that the agent itself shows only how it handles messages.
 *
 * @param <S> the state type; the initial state is shared by every agent, so keep it immutable
 */
public abstract class TestAgent<S> implements AgentBehavior<S> {

	private final Class<S> stateType;

	private final S initialState;

	/**
	 * @param stateType the state type, as persistence and the codec read it back
	 * @param initialState the state of every fresh agent
	 */
	protected TestAgent(Class<S> stateType, S initialState) {
		this.stateType = stateType;
		this.initialState = initialState;
	}

	@Override
	public final Class<S> stateType() {
		return this.stateType;
	}

	@Override
	public final S initialState(AgentContext context) {
		return this.initialState;
	}

}
