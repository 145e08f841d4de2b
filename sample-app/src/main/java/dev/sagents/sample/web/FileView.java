package dev.sagents.sample.web;

import java.time.Instant;

import dev.sagents.filesystem.FileEntry;

/**
 * A file as the API shows it.
 *
 * @param path its path in the file system
 * @param size its size in bytes
 * @param modified when it was last written
 */
public record FileView(String path, long size, Instant modified) {

	static FileView of(FileEntry file) {
		return new FileView(file.path(), file.size(), file.modified());
	}

}
