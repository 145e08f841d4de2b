package dev.sagents.filesystem;

/**
 * A running file system as listed by the supervisor.
 *
 * @param scope its scope
 * @param node the node that hosts it
 * @param files how many files it holds
 */
public record FileSystemInfo(String scope, String node, int files) {
}
