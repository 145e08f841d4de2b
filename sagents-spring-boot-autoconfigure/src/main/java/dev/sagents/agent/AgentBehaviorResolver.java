package dev.sagents.agent;

/** Finds the behaviour that runs agents of a type. */
@FunctionalInterface
public interface AgentBehaviorResolver {

	/**
	 * The behaviour for {@code type}, or the default one when {@code type} is {@code null};
	 * {@link UnknownAgentTypeException} if there is none.
	 */
	AgentBehavior<?> resolve(String type);

}
