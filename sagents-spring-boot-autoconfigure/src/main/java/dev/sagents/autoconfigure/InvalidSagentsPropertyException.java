package dev.sagents.autoconfigure;

import dev.sagents.process.SagentsException;

/**
 * A {@code sagents.*} property has a value sagents cannot run with. Thrown at startup; the
 * {@link SagentsPropertiesFailureAnalyzer} turns it into a report naming the property, the value
 * and what is allowed.
 */
public class InvalidSagentsPropertyException extends SagentsException {

	private final String property;

	private final Object value;

	private final String allowed;

	/**
	 * @param property the full property name, such as {@code sagents.distribution}
	 * @param value the value given, {@code null} when the property was left empty
	 * @param allowed what the property accepts, phrased to follow "allowed: "
	 */
	public InvalidSagentsPropertyException(String property, Object value, String allowed) {
		super("Invalid value '" + value + "' for " + property + " (allowed: " + allowed + ")");
		this.property = property;
		this.value = value;
		this.allowed = allowed;
	}

	/** The full property name. */
	public String property() {
		return this.property;
	}

	/** The value given. */
	public Object value() {
		return this.value;
	}

	/** What the property accepts. */
	public String allowed() {
		return this.allowed;
	}

}
