package dev.sagents.filesystem;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.filesystem.FileSystemPersistence.StoredFile;
import dev.sagents.process.Arguments;
import dev.sagents.process.StaleActivationException;

/**
 * The in-memory file system of one scope. Files live in memory; each changed path is persisted
 * through a {@link FileSystemPersistence} once no further change touched it for
 * {@link FileSystemSettings#persistDebounce()} (per-path debounce). Content indexed from
 * persistence is loaded on its first read, then kept.
 * <p>
 * Not thread-safe: one thread owns an instance (the file system's process, which handles one
 * {@link FileSystemCommand} at a time) and makes every call. A request that is refused throws
 * and changes nothing. Files form a tree as on disk ({@link FileTree}): a path cannot be both a
 * file and the folder of another file. What waits to be persisted is kept in {@link PendingChanges}.
 */
public final class FileSystemState {

	private static final Logger logger = LoggerFactory.getLogger(FileSystemState.class);

	private final String scope;

	private final FileSystemPersistence persistence;

	private final long epoch;

	private final FileSystemSettings settings;

	private final Clock clock;

	/** Every file by path. */
	private final FileTree files;

	/** Paths changed in memory but not yet in persistence; one absent from {@link #files} is a pending delete. */
	private final PendingChanges pending = new PendingChanges();

	/**
	 * Creates an empty file system; call {@link #reindex()} to see what persistence holds.
	 *
	 * @param scope the scope ({@code user:alice}); {@link InvalidScopeException} if invalid
	 * @param persistence where files are persisted
	 * @param epoch the epoch of the activation this file system is ({@code 0} where nothing fences)
	 * @param settings the debounce and the limits on paths and files
	 * @param clock the source of modification times and due times
	 */
	public FileSystemState(String scope, FileSystemPersistence persistence, long epoch, FileSystemSettings settings,
			Clock clock) {
		this.scope = FileSystemPaths.requireValidScope(scope);
		this.persistence = Arguments.notNull(persistence, "persistence");
		this.epoch = epoch;
		this.settings = Arguments.notNull(settings, "settings");
		this.clock = Arguments.notNull(clock, "clock");
		this.files = new FileTree(this.scope);
	}

	/** The scope of this file system. */
	public String scope() {
		return this.scope;
	}

	/**
	 * Indexes what persistence holds for the scope (path, size, modification time), without loading
	 * content. Paths with a pending change keep their in-memory version; every other path is
	 * replaced by the persisted one. Persisted paths that break the path rules are skipped with a
	 * warning. {@link FileSystemException} if persistence cannot list the scope; nothing changed.
	 */
	public void reindex() {
		List<StoredFile> stored;
		try {
			stored = this.persistence.list(this.scope);
		}
		catch (IOException ex) {
			throw new FileSystemException(this.scope, "", "Could not list the persisted files of file system '"
					+ this.scope + "': " + ex.getMessage(), ex);
		}
		this.files.retainOnly(this.pending.paths());
		for (StoredFile file : stored) {
			if (this.pending.contains(file.path())) {
				continue;
			}
			try {
				FileSystemPaths.requireValidPath(this.scope, file.path(), this.settings.maxPathLength());
			}
			catch (InvalidPathException ex) {
				logger.warn("Skipping a persisted file: {}", ex.getMessage());
				continue;
			}
			this.files.put(file.path(), FileTree.File.indexed(file.size(), file.modified()));
		}
	}

	/**
	 * Creates or replaces the file at {@code path} with a copy of {@code content}; persisted after
	 * the debounce, which a further change of the same path starts again.
	 * {@link InvalidPathException} if the path is invalid, is the folder of other files or has a
	 * file as a folder, or if the content is over {@link FileSystemSettings#maxFileSize()}.
	 */
	public void write(String path, byte[] content) {
		requireValidPath(path);
		Arguments.notNull(content, "content");
		if (content.length > this.settings.maxFileSize()) {
			throw new InvalidPathException(this.scope, path, "the content has " + content.length
					+ " bytes, more than the limit of " + this.settings.maxFileSize());
		}
		this.files.requireRoomFor(path, null);
		this.files.put(path, FileTree.File.written(content.clone(), this.clock.instant()));
		markPending(path);
	}

	/**
	 * A copy of the content of {@code path}, empty if there is no such file. Content only indexed
	 * is loaded from persistence now; {@link FileSystemException} if that fails.
	 */
	public Optional<byte[]> read(String path) {
		requireValidPath(path);
		if (!this.files.contains(path)) {
			return Optional.empty();
		}
		return loadContent(path).map(byte[]::clone);
	}

	/** The files whose path starts with {@code prefix} ({@code ""} or {@code null} for all), sorted by path. */
	public List<FileEntry> list(String prefix) {
		String start = FileSystemPaths.requireValidPrefix(this.scope, prefix, this.settings.maxPathLength());
		return this.files.list(start, (path, file) -> new FileEntry(path, file.size(), file.modified(),
				!this.pending.contains(path)));
	}

	/** Deletes {@code path}, persisted after the debounce; {@code false} if there was no such file. */
	public boolean delete(String path) {
		requireValidPath(path);
		if (!this.files.remove(path)) {
			return false;
		}
		markPending(path);
		return true;
	}

	/**
	 * Renames {@code from} to {@code to}, replacing {@code to}; persisted after the debounce as a
	 * write of {@code to} and a delete of {@code from}. {@link FileNotFoundException} if
	 * {@code from} does not exist; {@link InvalidPathException} as for {@link #write}; a
	 * {@link FileSystemException} if the content of {@code from} cannot be loaded.
	 */
	public void move(String from, String to) {
		requireValidPath(from);
		requireValidPath(to);
		if (!this.files.contains(from)) {
			throw new FileNotFoundException(this.scope, from);
		}
		if (from.equals(to)) {
			return;
		}
		this.files.requireRoomFor(to, from);
		// Loaded first: the new path is persisted as a write, which needs the content.
		Optional<byte[]> content = loadContent(from);
		if (content.isEmpty()) {
			throw new FileNotFoundException(this.scope, from);
		}
		this.files.remove(from);
		this.files.put(to, FileTree.File.written(content.get(), this.clock.instant()));
		markPending(from);
		markPending(to);
	}

	/**
	 * Persists every pending change whose due time has come, in the order the changes were made. A
	 * change that fails is logged and stays pending, due again one debounce later.
	 *
	 * @return the delay until the next pending change is due; empty when nothing is pending
	 */
	public Optional<Duration> persistDue() {
		persist(this.pending.due(this.clock.instant())).forEach((path, failure) -> logger.warn("Could not persist '{}' of file system '{}'; retrying in {}",
				path, this.scope, this.settings.persistDebounce(), failure));
		return nextDueIn();
	}

	/** The delay until the next pending change is due (zero if overdue); empty when nothing is pending. */
	public Optional<Duration> nextDueIn() {
		return this.pending.nextDueIn(this.clock.instant());
	}

	/**
	 * Persists every pending change now, in the order the changes were made. Every change is tried;
	 * if any fails, those stay pending (due again one debounce later) and one
	 * {@link FileSystemException} names them all, with the first failure as its cause.
	 */
	public void flushAll() {
		Map<String, Exception> failures = persist(this.pending.paths());
		if (failures.isEmpty()) {
			return;
		}
		List<Exception> causes = new ArrayList<>(failures.values());
		FileSystemException failure = new FileSystemException(this.scope, "", "Could not persist " + failures.size()
				+ " path(s) of file system '" + this.scope + "': " + String.join(", ", failures.keySet()),
				causes.get(0));
		causes.subList(1, causes.size()).forEach(failure::addSuppressed);
		throw failure;
	}

	/**
	 * Takes every pending change out of this file system, in the order the changes were made: what
	 * it acknowledged but did not persist, for another activation to {@link #replay}. Nothing is
	 * pending afterwards.
	 */
	public List<Change> takePending() {
		List<Change> changes = new ArrayList<>();
		for (String path : this.pending.paths()) {
			FileTree.File file = this.files.get(path);
			changes.add(new Change(path, (file != null) ? file.content() : null));
		}
		this.pending.clear();
		return changes;
	}

	/**
	 * Makes {@code changes}, taken from another activation of this scope ({@link #takePending}), in
	 * their order, each as a write or a delete persisted after the debounce. A change this file
	 * system refuses (its path is now the folder of other files, or under a file) is skipped and
	 * logged, naming it; the others are made.
	 */
	public void replay(List<Change> changes) {
		for (Change change : changes) {
			try {
				if (change.content() != null) {
					write(change.path(), change.content());
				}
				else {
					delete(change.path());
				}
			}
			catch (InvalidPathException ex) {
				logger.error("A change of '{}' acknowledged by a stale activation of file system '{}' is refused: {}",
						change.path(), this.scope, ex.getMessage());
			}
		}
	}

	/** How many files this file system holds. */
	public int fileCount() {
		return this.files.size();
	}

	/**
	 * What an operator sees of this file system: its epoch, how many files it holds and their size,
	 * and the first {@code maxPaths} paths, sorted. Loads no content.
	 */
	public FileSystemDetails details(int maxPaths) {
		List<FileEntry> entries = list("");
		return new FileSystemDetails(this.epoch, entries.size(), entries.stream().mapToLong(FileEntry::size).sum(),
				entries.stream().limit(Math.max(0, maxPaths)).map(FileEntry::path).toList());
	}

	private void requireValidPath(String path) {
		FileSystemPaths.requireValidPath(this.scope, path, this.settings.maxPathLength());
	}

	/**
	 * The content of {@code path} (which must be indexed), loading it from persistence on first use.
	 * Empty, and the path is dropped from the index, when persistence no longer holds it.
	 */
	private Optional<byte[]> loadContent(String path) {
		FileTree.File file = this.files.get(path);
		if (file.content() != null) {
			return Optional.of(file.content());
		}
		Optional<byte[]> loaded;
		try {
			loaded = this.persistence.read(this.scope, path);
		}
		catch (IOException ex) {
			throw new FileSystemException(this.scope, path,
					"Could not load '" + path + "' of file system '" + this.scope + "': " + ex.getMessage(), ex);
		}
		if (loaded.isEmpty()) {
			logger.warn("'{}' of file system '{}' was indexed but is no longer persisted; dropping it", path, this.scope);
			this.files.remove(path);
			return Optional.empty();
		}
		file.loaded(loaded.get());
		return loaded;
	}

	private void markPending(String path) {
		this.pending.mark(path, this.clock.instant().plus(this.settings.persistDebounce()));
	}

	/**
	 * Persists the pending change of each of {@code paths}, in order: a write of the file, or a
	 * delete when it no longer exists. Each success leaves the pending set; each failure is
	 * rescheduled one debounce later, but a {@link StaleActivationException} (a newer activation
	 * claimed the scope) is thrown at once.
	 *
	 * @return the failures by path, in order; empty when every change was persisted
	 */
	private Map<String, Exception> persist(List<String> paths) {
		Map<String, Exception> failures = new LinkedHashMap<>();
		for (String path : paths) {
			FileTree.File file = this.files.get(path);
			try {
				if (file != null) {
					this.persistence.write(this.scope, path, file.content());
				}
				else {
					this.persistence.delete(this.scope, path);
				}
				this.pending.persisted(path);
			}
			catch (StaleActivationException ex) {
				// A newer activation owns the files now: nothing more of this one may land.
				throw ex;
			}
			catch (IOException | RuntimeException ex) {
				// A runtime failure too (a link refused, a bug in a custom backend): letting it end the
				// process would lose every change not persisted yet.
				failures.put(path, ex);
				markPending(path);
			}
		}
		return failures;
	}

	/**
	 * A change of one path that an activation made but did not persist.
	 *
	 * @param path the changed path
	 * @param content the file's new content, or {@code null} if it was deleted
	 */
	public record Change(String path, byte[] content) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Change change && this.path.equals(change.path)
					&& Arrays.equals(this.content, change.content);
		}

		@Override
		public int hashCode() {
			return 31 * this.path.hashCode() + Arrays.hashCode(this.content);
		}

		@Override
		public String toString() {
			return "Change[path=" + this.path + ", "
					+ ((this.content != null) ? this.content.length + " bytes" : "deleted") + "]";
		}

	}

}
