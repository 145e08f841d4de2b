package dev.sagents.filesystem;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import dev.sagents.process.ProcessRef;

/**
 * The address of a running file system. Its files live in memory in one process; every agent
 * with the same scope shares it. Requests are handled one at a time, so a write is visible to
 * every read that follows it, from any agent on any node. Each method waits for the answer
 * (bounded by {@code sagents.filesystem.call-timeout}).
 */
public interface FileSystemRef extends ProcessRef {

	/** The scope ({@code user:alice}). */
	default String scope() {
		return key().id();
	}

	/** Creates or replaces the file at {@code path}; persisted after the debounce. */
	void write(String path, byte[] content);

	/** Creates or replaces the file at {@code path} with UTF-8 text. */
	default void writeText(String path, String content) {
		write(path, content.getBytes(StandardCharsets.UTF_8));
	}

	/** The content of {@code path}, if the file exists. */
	Optional<byte[]> read(String path);

	/** The content of {@code path} as UTF-8 text, if the file exists. */
	default Optional<String> readText(String path) {
		return read(path).map((bytes) -> new String(bytes, StandardCharsets.UTF_8));
	}

	/** Every file, sorted by path. */
	default List<FileEntry> list() {
		return list("");
	}

	/** The files whose path starts with {@code prefix}, sorted by path. */
	List<FileEntry> list(String prefix);

	/** Deletes {@code path}; {@code false} if it did not exist. */
	boolean delete(String path);

	/** Renames {@code from} to {@code to}, replacing {@code to}; {@link FileNotFoundException} if {@code from} is missing. */
	void move(String from, String to);

	/** Writes every pending change to persistence now. */
	void flush();

}
