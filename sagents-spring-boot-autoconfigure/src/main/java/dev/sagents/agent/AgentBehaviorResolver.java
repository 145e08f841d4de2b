package dev.sagents.agent;

/** Finds the behaviour that runs agents of a type. */
@FunctionalInterface
public interface AgentBehaviorResolver {

	/**
	 * The behaviour for {@code type}, or the default one when {@code type} is {@code null};
	 * {@link UnknownAgentTypeException} if there is none.
	 */
	AgentBehavior<?> resolve(String type);

	/**
	 * The name of the type a spec that names none gets (in Spring: the default behaviour's bean
	 * name), or {@code null} when this resolver cannot name it.
	 */
	default String defaultType() {
		return null;
	}

	/**
	 * {@code spec} naming the type it runs as: the {@link #defaultType()} when it names none, so
	 * that what lists the agent shows its type.
	 */
	default AgentSpec typed(AgentSpec spec) {
		String defaultType = defaultType();
		return (spec.type() == null && defaultType != null) ? spec.withType(defaultType) : spec;
	}

}
