package dev.sagents.agent;

import java.util.Map;
import java.util.TreeMap;

import dev.sagents.process.Arguments;

/**
 * Resolves agent types by name from a fixed map (in Spring: the {@link AgentBehavior} beans by bean
 * name). The default type is the one named {@code defaultType}, or the only behaviour if there is one.
 */
public final class NamedAgentBehaviorResolver implements AgentBehaviorResolver {

	private final Map<String, AgentBehavior<?>> behaviors;

	private final String defaultType;

	/**
	 * @param behaviors the behaviours by type name
	 * @param defaultType the type used when a spec names none; {@code null} to use the only behaviour
	 */
	public NamedAgentBehaviorResolver(Map<String, ? extends AgentBehavior<?>> behaviors, String defaultType) {
		this.behaviors = new TreeMap<>(Arguments.notNull(behaviors, "behaviors"));
		this.defaultType = (defaultType != null) ? defaultType
				: (this.behaviors.size() == 1) ? this.behaviors.keySet().iterator().next() : null;
	}

	@Override
	public AgentBehavior<?> resolve(String type) {
		String name = (type != null) ? type : this.defaultType;
		AgentBehavior<?> behavior = (name != null) ? this.behaviors.get(name) : null;
		if (behavior == null) {
			throw new UnknownAgentTypeException(type, this.behaviors.keySet());
		}
		return behavior;
	}

	/** The type a spec without one gets, or {@code null} if there is no default. */
	@Override
	public String defaultType() {
		return this.defaultType;
	}

}
