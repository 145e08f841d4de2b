package dev.sagents.filesystem;

import dev.sagents.process.SagentsException;

/** A file-system scope that is not 1–128 characters of {@code A-Z a-z 0-9 . _ : -}. */
public class InvalidScopeException extends SagentsException {

	private final String scope;

	public InvalidScopeException(String scope) {
		super("Invalid file-system scope '" + scope + "': expected 1-128 characters of A-Z a-z 0-9 . _ : -");
		this.scope = scope;
	}

	/** The scope as given. */
	public String scope() {
		return this.scope;
	}

}
