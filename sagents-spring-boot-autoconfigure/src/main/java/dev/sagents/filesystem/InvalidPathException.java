package dev.sagents.filesystem;

/**
 * A path that would escape the file system (absolute, {@code ..}, a link), is empty or malformed,
 * or content over the size limit. Nothing was changed.
 */
public class InvalidPathException extends FileSystemException {

	private final String reason;

	public InvalidPathException(String scope, String path, String reason) {
		super(scope, path, "Invalid path '" + path + "' in file system '" + scope + "': " + reason);
		this.reason = reason;
	}

	/** Why the path was refused. */
	public String reason() {
		return this.reason;
	}

}
