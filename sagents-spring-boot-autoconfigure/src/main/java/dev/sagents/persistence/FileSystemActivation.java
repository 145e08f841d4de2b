package dev.sagents.persistence;

import dev.sagents.filesystem.FileSystemPersistence;

/**
 * One activation of a file system: its run on one node from its start to its end, with the epoch
 * it claimed when it started and what it reads and writes its files through.
 *
 * @param epoch the epoch this activation claimed; 0 when the storage does not fence
 * @param files what the activation reads and writes its scope's files through
 */
public record FileSystemActivation(long epoch, FileSystemPersistence files) {
}
