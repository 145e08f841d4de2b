package dev.sagents.persistence;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import dev.sagents.filesystem.FileSystemPersistence;

/**
 * The files of one activation of a file system: its scope's files in a {@link FileSystemStore},
 * written and deleted under the epoch it claimed.
 */
final class ClaimedFiles implements FileSystemPersistence {

	private final FileSystemStore store;

	private final String scope;

	private final long epoch;

	ClaimedFiles(FileSystemStore store, String scope, long epoch) {
		this.store = store;
		this.scope = scope;
		this.epoch = epoch;
	}

	@Override
	public void write(String scope, String path, byte[] content) throws IOException {
		this.store.write(claimed(scope), this.epoch, path, content);
	}

	@Override
	public Optional<byte[]> read(String scope, String path) throws IOException {
		return this.store.read(claimed(scope), path);
	}

	@Override
	public void delete(String scope, String path) throws IOException {
		this.store.delete(claimed(scope), this.epoch, path);
	}

	@Override
	public List<StoredFile> list(String scope) throws IOException {
		return this.store.list(claimed(scope));
	}

	/** {@code scope}, which must be the one this activation claimed. */
	private String claimed(String scope) {
		if (!this.scope.equals(scope)) {
			throw new IllegalArgumentException(
					"The activation of file system '" + this.scope + "' cannot reach the files of '" + scope + "'");
		}
		return scope;
	}

}
