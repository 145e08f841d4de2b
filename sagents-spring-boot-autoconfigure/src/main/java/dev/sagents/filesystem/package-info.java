/**
 * Shared in-memory file systems, one process per scope: the {@link dev.sagents.filesystem.FileSystemSupervisor}
 * and {@link dev.sagents.filesystem.FileSystemRef}, the commands a file system handles and its state, the rules for
 * scopes and paths ({@link dev.sagents.filesystem.FileSystemPaths}), the persistence SPI with its disk backend, and
 * the errors for bad scopes and paths.
 */
package dev.sagents.filesystem;
