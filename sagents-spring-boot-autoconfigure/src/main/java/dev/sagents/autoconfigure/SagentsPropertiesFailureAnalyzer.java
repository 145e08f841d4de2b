package dev.sagents.autoconfigure;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.sagents.horde.MemberNameInUseException;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Reports a bad {@code sagents.*} value: the property, the value given, where it came from and
 * what is allowed. It covers values that failed to bind (a misspelt enum such as
 * {@code sagents.distribution=hord}, a malformed duration), values rejected by validation
 * ({@link InvalidSagentsPropertyException}) and a node name another node of this JVM has
 * ({@link MemberNameInUseException}). It runs before Spring Boot's own bind-failure
 * analyzer so that the report lists the allowed values the way they are written.
 */
public class SagentsPropertiesFailureAnalyzer implements FailureAnalyzer, Ordered {

	private static final ConfigurationPropertyName SAGENTS = ConfigurationPropertyName.of("sagents");

	private final Environment environment;

	/** @param environment the failed application's environment, to find where a value came from; may be {@code null} */
	public SagentsPropertiesFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		InvalidSagentsPropertyException invalid = findCause(failure, InvalidSagentsPropertyException.class);
		if (invalid != null) {
			return report(invalid.property(), invalid.value(), invalid.allowed(), invalid);
		}
		MemberNameInUseException nameInUse = findCause(failure, MemberNameInUseException.class);
		if (nameInUse != null) {
			return nameInUseReport(nameInUse);
		}
		BindException bindFailure = findCause(failure, BindException.class);
		if (bindFailure != null && SAGENTS.isAncestorOf(bindFailure.getName())) {
			ConfigurationProperty bound = bindFailure.getProperty();
			return report(bindFailure.getName().toString(), (bound != null) ? bound.getValue() : null,
					allowedValues(bindFailure.getTarget().getType().resolve(Object.class)), bindFailure);
		}
		return null;
	}

	/**
	 * Two members of one instance name in this JVM: the node name that names the member, or, when
	 * the member's name comes from elsewhere, the {@code sagents.horde.config} resource if one is
	 * set, else the {@link SagentsHazelcastConfigCustomizer} that named it.
	 */
	private FailureAnalysis nameInUseReport(MemberNameInUseException failure) {
		String nodeName = failure.nodeName();
		if (nodeName != null && failure.instanceName().equals(HordeMemberConfigFactory.INSTANCE_NAME_PREFIX + nodeName)) {
			return report("sagents.node-name", nodeName, "a name no other sagents node of this JVM has (its Hazelcast "
					+ "member is named sagents-<node name>; the default node name, <host>:<server.port> or <host>:<pid>, "
					+ "is the same for the nodes of one JVM without a fixed server.port)", failure);
		}
		if (findGivenProperty("sagents.horde.config") != null) {
			return report("sagents.horde.config", null, "a Hazelcast configuration whose instance-name ('"
					+ failure.instanceName() + "') no other member of this JVM has, or none: sagents then names the "
					+ "member sagents-<node name> (a SagentsHazelcastConfigCustomizer may set it too)", failure);
		}
		return new FailureAnalysis("A Hazelcast member named '" + failure.instanceName() + "' already runs in this JVM."
				+ " The member sagents starts was given that instance name by a SagentsHazelcastConfigCustomizer (or"
				+ " the Config it customizes): sagents itself names it sagents-<node name>, and sagents.horde.config is"
				+ " not set.\n", "Have your SagentsHazelcastConfigCustomizer set an instance name no other member of this"
						+ " JVM has, or none, so that sagents names the member after its sagents.node-name.", failure);
	}

	/** Before Spring Boot's analyzers, which carry no order and so come last. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

	/** Shows the value as written and where, when the environment still has it; else as bound. */
	private FailureAnalysis report(String property, Object boundValue, String allowed, Throwable cause) {
		ConfigurationProperty given = findGivenProperty(property);
		Object value = (given != null) ? given.getValue() : boundValue;
		Origin origin = (given != null) ? given.getOrigin() : null;
		StringBuilder description = new StringBuilder("Invalid sagents configuration:\n\n");
		description.append("    Property: ").append(property).append('\n');
		description.append("    Value: \"").append(value).append("\"\n");
		if (origin != null) {
			description.append("    Origin: ").append(origin).append('\n');
		}
		description.append("    Allowed: ").append(allowed).append('\n');
		String action = "Change " + property + " to an allowed value (" + allowed + ") in your configuration.";
		return new FailureAnalysis(description.toString(), action, cause);
	}

	/** What a property of {@code type} accepts, for values that failed to bind. */
	private static String allowedValues(Class<?> type) {
		if (type.isEnum()) {
			return Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
				.collect(Collectors.joining(", "));
		}
		if (type == java.time.Duration.class) {
			return "a duration, such as 500ms, 30s, 5m or PT30S";
		}
		if (type == DataSize.class) {
			return "a size, such as 512KB or 10MB";
		}
		if (type == int.class || type == Integer.class) {
			return "a whole number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true, false";
		}
		if (type == java.nio.file.Path.class) {
			return "a file-system path";
		}
		return "a value of type " + type.getSimpleName();
	}

	private ConfigurationProperty findGivenProperty(String property) {
		if (this.environment == null) {
			return null;
		}
		ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty given = source.getConfigurationProperty(name);
			if (given != null) {
				return given;
			}
		}
		return null;
	}

	private static <E extends Throwable> E findCause(Throwable failure, Class<E> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		return null;
	}

}
