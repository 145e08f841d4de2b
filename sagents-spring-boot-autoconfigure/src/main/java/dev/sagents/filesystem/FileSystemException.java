package dev.sagents.filesystem;

import dev.sagents.process.SagentsException;

/** A file-system request was refused; nothing was changed. */
public class FileSystemException extends SagentsException {

	private final String scope;

	private final String path;

	public FileSystemException(String scope, String path, String message) {
		super(message);
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
