package dev.sagents.codec;

import dev.sagents.process.SagentsException;

/** A value named a type the codec does not trust; nothing was instantiated. */
public class UntrustedTypeException extends SagentsException {

	private final String type;

	public UntrustedTypeException(String type) {
		super("Refusing to decode a value of untrusted type '" + type
				+ "'; trust its package with sagents.horde.codec.trusted-packages");
		this.type = type;
	}

	public String type() {
		return this.type;
	}

}
