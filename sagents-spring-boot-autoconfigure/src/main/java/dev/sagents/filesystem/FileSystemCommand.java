package dev.sagents.filesystem;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message a file-system process handles: plain data (so a clustered backend can send it as
 * JSON) that applies itself to the process's {@link FileSystemState} and returns the reply.
 *
 * @param <R> the type of the reply
 */
public sealed interface FileSystemCommand<R> {

	/**
	 * Applies this command to {@code state}, on the thread that owns it.
	 *
	 * @return the reply for the sender; {@code null} for commands that answer nothing
	 */
	R applyTo(FileSystemState state);

	/**
	 * Creates or replaces a file. Equality and hash code compare the content's bytes; the text form
	 * names only its length, since content may be megabytes. The array is not copied here: the
	 * state copies it when it stores it.
	 *
	 * @param path the file's path
	 * @param content its new content
	 */
	record Write(String path, byte[] content) implements FileSystemCommand<Void> {

		@Override
		public Void applyTo(FileSystemState state) {
			state.write(this.path, this.content);
			return null;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Write write && Objects.equals(this.path, write.path)
					&& Arrays.equals(this.content, write.content);
		}

		@Override
		public int hashCode() {
			return 31 * Objects.hashCode(this.path) + Arrays.hashCode(this.content);
		}

		@Override
		public String toString() {
			return "Write[path=" + this.path + ", content="
					+ ((this.content != null) ? this.content.length + " bytes" : "null") + "]";
		}

	}

	/**
	 * Reads a file; replies with its content, empty if it does not exist.
	 *
	 * @param path the file's path
	 */
	record Read(String path) implements FileSystemCommand<Optional<byte[]>> {

		@Override
		public Optional<byte[]> applyTo(FileSystemState state) {
			return state.read(this.path);
		}

	}

	/**
	 * Lists the files whose path starts with {@code prefix} ({@code ""} for all), sorted by path.
	 *
	 * @param prefix the start of the paths to list
	 */
	record ListFiles(String prefix) implements FileSystemCommand<List<FileEntry>> {

		@Override
		public List<FileEntry> applyTo(FileSystemState state) {
			return state.list(this.prefix);
		}

	}

	/**
	 * Deletes a file; replies whether it existed.
	 *
	 * @param path the file's path
	 */
	record Delete(String path) implements FileSystemCommand<Boolean> {

		@Override
		public Boolean applyTo(FileSystemState state) {
			return state.delete(this.path);
		}

	}

	/**
	 * Renames a file, replacing the target.
	 *
	 * @param from the file's current path
	 * @param to its new path
	 */
	record Move(String from, String to) implements FileSystemCommand<Void> {

		@Override
		public Void applyTo(FileSystemState state) {
			state.move(this.from, this.to);
			return null;
		}

	}

	/**
	 * Describes the file system for an operator; replies with its epoch, file count, total size
	 * and first paths.
	 *
	 * @param maxPaths how many paths the reply names at most
	 */
	record Describe(int maxPaths) implements FileSystemCommand<FileSystemDetails> {

		@Override
		public FileSystemDetails applyTo(FileSystemState state) {
			return state.details(this.maxPaths);
		}

	}

	/** Persists every pending change now. */
	record Flush() implements FileSystemCommand<Void> {

		@Override
		public Void applyTo(FileSystemState state) {
			state.flushAll();
			return null;
		}

	}

	/**
	 * The changes a stale activation of the file system acknowledged but could not persist (a newer
	 * activation had claimed the scope), in the order they were made: made again by the current
	 * activation, which persists them ({@link FileSystemState#replay}). Answers nothing.
	 *
	 * @param changes the writes and deletes, in order
	 */
	record Replay(List<FileSystemState.Change> changes) implements FileSystemCommand<Void> {

		@Override
		public Void applyTo(FileSystemState state) {
			state.replay(this.changes);
			return null;
		}

	}

	/**
	 * Sent by the process to itself when the debounce timer fires: persists the changes that are
	 * due and replies with the delay until the next one, empty when nothing is pending.
	 */
	record PersistDue() implements FileSystemCommand<Optional<Duration>> {

		@Override
		public Optional<Duration> applyTo(FileSystemState state) {
			return state.persistDue();
		}

	}

}
