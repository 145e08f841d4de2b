package dev.sagents.codec;

import dev.sagents.process.SagentsException;

/** A value named a type the codec does not trust; nothing was instantiated. */
public class UntrustedTypeException extends SagentsException {

	private final String type;

	/**
	 * Creates the exception for a value of {@code type}. The message says how to trust it: a
	 * Compact type name (prefixed {@code compact:}) by declaring its {@code CompactSerializer}, a
	 * class by trusting its package.
	 *
	 * @param type the type name the value carried, as in {@link EncodedValue#type()}
	 */
	public UntrustedTypeException(String type) {
		super("Refusing to decode a value of untrusted type '" + type + "'; " + remedy(type));
		this.type = type;
	}

	/** The type name the value carried. */
	public String type() {
		return this.type;
	}

	private static String remedy(String type) {
		return (type != null && type.startsWith(EncodedValue.COMPACT_TYPE_PREFIX))
				? "declare a CompactSerializer bean for it" : "trust its package with sagents.codec.trusted-packages";
	}

}
