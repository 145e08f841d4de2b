package dev.sagents.filesystem;

import java.util.List;

/**
 * A running file system as an operator inspects it, read by its own process.
 *
 * @param epoch the epoch its activation claimed; {@code 0} where the storage does not fence
 * @param files how many files it holds
 * @param totalSize the size of all its files, in bytes
 * @param paths the first paths, sorted; all of them when there are no more than were asked for
 */
public record FileSystemDetails(long epoch, int files, long totalSize, List<String> paths) {
}
