package dev.sagents.filesystem;

/** The named file does not exist in the file system. */
public class FileNotFoundException extends FileSystemException {

	public FileNotFoundException(String scope, String path) {
		super(scope, path, "No file '" + path + "' in file system '" + scope + "'");
	}

}
