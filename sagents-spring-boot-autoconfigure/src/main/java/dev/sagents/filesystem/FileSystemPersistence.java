package dev.sagents.filesystem;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where file systems keep their files. Paths given here were validated already. Called from the
 * file system's own process, never concurrently for one scope; implementations must be safe to
 * call for different scopes at once. The built-in backend writes to disk under
 * {@code sagents.filesystem.base-directory}.
 */
public interface FileSystemPersistence {

	/** Stores {@code content} at {@code path} of {@code scope}, replacing what was there. */
	void write(String scope, String path, byte[] content) throws IOException;

	/** The content at {@code path} of {@code scope}, if stored. */
	Optional<byte[]> read(String scope, String path) throws IOException;

	/** Removes {@code path} of {@code scope}; nothing if it is not stored. */
	void delete(String scope, String path) throws IOException;

	/** Every file stored for {@code scope}, without content. */
	List<StoredFile> list(String scope) throws IOException;

	/** A persistence that stores nothing: files live in memory while their file system runs. */
	static FileSystemPersistence none() {
		return NoFileSystemPersistence.INSTANCE;
	}

	/**
	 * A stored file.
	 *
	 * @param path its relative path
	 * @param size its size in bytes
	 * @param modified when it was stored
	 */
	record StoredFile(String path, long size, Instant modified) {
	}

}
