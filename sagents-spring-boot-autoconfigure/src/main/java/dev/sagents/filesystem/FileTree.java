package dev.sagents.filesystem;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The files of a {@link FileSystemState} in memory, by path, as a tree as on disk: a path cannot be
 * both a file and the folder of another file. Sorted, so listing by prefix is a range of keys.
 * Owned by the thread of its file system.
 */
final class FileTree {

	private final String scope;

	private final TreeMap<String, File> files = new TreeMap<>();

	/** @param scope the scope of the file system, named by the errors */
	FileTree(String scope) {
		this.scope = scope;
	}

	/** The file at {@code path}, or {@code null}. */
	File get(String path) {
		return this.files.get(path);
	}

	boolean contains(String path) {
		return this.files.containsKey(path);
	}

	void put(String path, File file) {
		this.files.put(path, file);
	}

	/** Removes the file at {@code path}; {@code false} if there was none. */
	boolean remove(String path) {
		return this.files.remove(path) != null;
	}

	/** Keeps only the files at {@code paths}. */
	void retainOnly(Collection<String> paths) {
		this.files.keySet().retainAll(paths);
	}

	int size() {
		return this.files.size();
	}

	/** {@code entry} of each file whose path starts with {@code prefix}, sorted by path. */
	<E> List<E> list(String prefix, BiFunction<String, File, E> entry) {
		return this.files.tailMap(prefix, true)
			.entrySet()
			.stream()
			.takeWhile((file) -> file.getKey().startsWith(prefix))
			.map((file) -> entry.apply(file.getKey(), file.getValue()))
			.toList();
	}

	/**
	 * Refuses {@code path} when a file of it would not fit the tree: when a file holds the place of
	 * one of its folders, or when it is itself the folder of files. {@code leaving} is a file about
	 * to be moved away, so it is in nobody's way.
	 */
	void requireRoomFor(String path, String leaving) {
		for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
			String folder = path.substring(0, slash);
			if (!folder.equals(leaving) && this.files.containsKey(folder)) {
				throw new InvalidPathException(this.scope, path, "'" + folder + "' is a file, not a folder");
			}
		}
		String folderPrefix = path + "/";
		for (String below : this.files.tailMap(folderPrefix, true).keySet()) {
			if (!below.startsWith(folderPrefix)) {
				break;
			}
			if (!below.equals(leaving)) {
				throw new InvalidPathException(this.scope, path, "it is the folder of '" + below + "'");
			}
		}
	}

	/** A file's metadata and, once written or read, its content ({@code null} until then). */
	static final class File {

		private byte[] content;

		private long size;

		private final Instant modified;

		/** A file written now, with {@code content}. */
		static File written(byte[] content, Instant modified) {
			return new File(content, content.length, modified);
		}

		/** A file indexed from persistence, its content not loaded yet. */
		static File indexed(long size, Instant modified) {
			return new File(null, size, modified);
		}

		private File(byte[] content, long size, Instant modified) {
			this.content = content;
			this.size = size;
			this.modified = modified;
		}

		/** Its content, {@code null} until loaded. */
		byte[] content() {
			return this.content;
		}

		/** Keeps {@code loaded}, read from persistence, as its content. */
		void loaded(byte[] loaded) {
			this.content = loaded;
			this.size = loaded.length;
		}

		long size() {
			return this.size;
		}

		Instant modified() {
			return this.modified;
		}

	}

}
