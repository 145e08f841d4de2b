package dev.sagents.filesystem;

import java.util.List;
import java.util.Optional;

import dev.sagents.supervisor.StartResult;

/**
 * Starts, finds and stops shared file systems by scope ({@code user:alice}, {@code project:7}).
 * A scope is 1–128 characters of {@code A-Z a-z 0-9 . _ : -}; {@code null} fails with
 * {@link IllegalArgumentException}.
 */
public interface FileSystemSupervisor {

	/** Starts the file system of {@code scope} (re-indexing what is persisted), or returns the running one. */
	StartResult<FileSystemRef> startFileSystem(String scope);

	/** The running file system of {@code scope}, started if needed. */
	default FileSystemRef ensureFileSystem(String scope) {
		return startFileSystem(scope).ref();
	}

	/** The running file system of {@code scope}, if any. */
	Optional<FileSystemRef> findFileSystem(String scope);

	/** Whether the file system of {@code scope} runs. */
	default boolean isRunning(String scope) {
		return findFileSystem(scope).isPresent();
	}

	/** Stops the file system of {@code scope}, flushing every pending write; {@code false} if it was not running. */
	boolean stopFileSystem(String scope);

	/** Every running file system. */
	List<FileSystemInfo> listFileSystems();

}
