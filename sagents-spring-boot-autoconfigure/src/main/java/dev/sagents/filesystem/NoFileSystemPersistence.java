package dev.sagents.filesystem;

import java.util.List;
import java.util.Optional;

/** Stores nothing: a file system keeps its files in memory while it runs ({@code sagents.persistence.store=none}). */
final class NoFileSystemPersistence implements FileSystemPersistence {

	static final NoFileSystemPersistence INSTANCE = new NoFileSystemPersistence();

	private NoFileSystemPersistence() {
	}

	@Override
	public void write(String scope, String path, byte[] content) {
	}

	@Override
	public Optional<byte[]> read(String scope, String path) {
		return Optional.empty();
	}

	@Override
	public void delete(String scope, String path) {
	}

	@Override
	public List<StoredFile> list(String scope) {
		return List.of();
	}

}
