package dev.sagents.filesystem;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessRef;

/**
 * The address of a running file system. Its files live in memory in one process; every agent
 * with the same scope shares it. Requests are handled one at a time, so a write is visible to
 * every read that follows it, from any agent on any node. Each method waits for the answer, up to
 * {@link #callTimeout()} ({@code sagents.filesystem.call-timeout}). Every argument is required:
 * {@code null} fails with {@link IllegalArgumentException} naming it, before anything is sent.
 */
public interface FileSystemRef extends ProcessRef {

	/** The scope ({@code user:alice}). */
	default String scope() {
		return key().id();
	}

	/** Creates or replaces the file at {@code path}; persisted after the debounce. */
	default void write(String path, byte[] content) {
		request(new FileSystemCommand.Write(Arguments.notNull(path, "path"), Arguments.notNull(content, "content")));
	}

	/** Creates or replaces the file at {@code path} with UTF-8 text. */
	default void writeText(String path, String content) {
		write(path, Arguments.notNull(content, "content").getBytes(StandardCharsets.UTF_8));
	}

	/** The content of {@code path}, if the file exists. */
	default Optional<byte[]> read(String path) {
		return request(new FileSystemCommand.Read(Arguments.notNull(path, "path")));
	}

	/** The content of {@code path} as UTF-8 text, if the file exists. */
	default Optional<String> readText(String path) {
		return read(path).map((bytes) -> new String(bytes, StandardCharsets.UTF_8));
	}

	/** Every file, sorted by path. */
	default List<FileEntry> list() {
		return list("");
	}

	/** The files whose path starts with {@code prefix} ({@code ""} for every file), sorted by path. */
	default List<FileEntry> list(String prefix) {
		return request(new FileSystemCommand.ListFiles(Arguments.notNull(prefix, "prefix")));
	}

	/** Deletes {@code path}; {@code false} if it did not exist. */
	default boolean delete(String path) {
		return request(new FileSystemCommand.Delete(Arguments.notNull(path, "path")));
	}

	/** Renames {@code from} to {@code to}, replacing {@code to}; {@link FileNotFoundException} if {@code from} is missing. */
	default void move(String from, String to) {
		request(new FileSystemCommand.Move(Arguments.notNull(from, "from"), Arguments.notNull(to, "to")));
	}

	/**
	 * What an operator sees of this file system: its activation's epoch, how many files it holds,
	 * their total size and the first {@code maxPaths} paths, sorted. Loads no content.
	 */
	default FileSystemDetails describe(int maxPaths) {
		return request(new FileSystemCommand.Describe(maxPaths));
	}

	/** Writes every pending change to persistence now. */
	default void flush() {
		request(new FileSystemCommand.Flush());
	}

	/** Sends {@code command} and waits for its reply, within {@link #callTimeout()}. */
	@SuppressWarnings("unchecked")
	private <R> R request(FileSystemCommand<R> command) {
		return (R) callAndWait(command, Object.class);
	}

}
