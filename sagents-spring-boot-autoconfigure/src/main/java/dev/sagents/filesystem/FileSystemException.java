package dev.sagents.filesystem;

import dev.sagents.process.SagentsException;

/**
 * A file-system request was refused; nothing was changed. Carries the persistence failure as its
 * cause when storage could not be read or written.
 */
public class FileSystemException extends SagentsException {

	private final String scope;

	private final String path;

	public FileSystemException(String scope, String path, String message) {
		this(scope, path, message, null);
	}

	public FileSystemException(String scope, String path, String message, Throwable cause) {
		super(message, cause);
		this.scope = scope;
		this.path = path;
	}

	/** The scope of the file system. */
	public String scope() {
		return this.scope;
	}

	/** The path the request named, as given. */
	public String path() {
		return this.path;
	}

}
