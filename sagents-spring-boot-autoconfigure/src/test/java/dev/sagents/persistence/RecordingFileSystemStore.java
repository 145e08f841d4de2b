package dev.sagents.persistence;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sagents.filesystem.FileSystemPersistence.StoredFile;

/**
 * A real {@link FileSystemStore} seen from the outside: how many claims reached it, one by one and
 * together.
 */
public final class RecordingFileSystemStore implements FileSystemStore {

	private final FileSystemStore store;

	private final AtomicInteger claims = new AtomicInteger();

	private final AtomicInteger claimsTogether = new AtomicInteger();

	public RecordingFileSystemStore(FileSystemStore store) {
		this.store = store;
	}

	/** How many claims of one scope reached the store. */
	public int claims() {
		return this.claims.get();
	}

	/** How many claims of scopes together ({@link #claimAll}) reached the store. */
	public int claimsTogether() {
		return this.claimsTogether.get();
	}

	@Override
	public long claim(String scope) throws IOException {
		this.claims.incrementAndGet();
		return this.store.claim(scope);
	}

	@Override
	public Map<String, Long> claimAll(Collection<String> scopes) throws IOException {
		this.claimsTogether.incrementAndGet();
		return this.store.claimAll(scopes);
	}

	@Override
	public void write(String scope, long epoch, String path, byte[] content) throws IOException {
		this.store.write(scope, epoch, path, content);
	}

	@Override
	public void delete(String scope, long epoch, String path) throws IOException {
		this.store.delete(scope, epoch, path);
	}

	@Override
	public Optional<byte[]> read(String scope, String path) throws IOException {
		return this.store.read(scope, path);
	}

	@Override
	public List<StoredFile> list(String scope) throws IOException {
		return this.store.list(scope);
	}

}
