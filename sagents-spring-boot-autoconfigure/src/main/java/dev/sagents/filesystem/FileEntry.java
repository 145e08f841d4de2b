package dev.sagents.filesystem;

import java.time.Instant;

/**
 * A file of a file system, without its content.
 *
 * @param path the relative path ({@code notes/2026-11-27.md})
 * @param size the size in bytes
 * @param modified when it was last written
 * @param persisted whether the current content has reached persistence (false while debounced)
 */
public record FileEntry(String path, long size, Instant modified, boolean persisted) {
}
