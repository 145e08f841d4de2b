package dev.sagents.persistence.disk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.sagents.filesystem.DiskFileSystemPersistence;
import dev.sagents.filesystem.FileSystemPersistence.StoredFile;
import dev.sagents.persistence.FileSystemStore;
import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.StaleActivationException;

/**
 * File-system files on disk, as {@link DiskFileSystemPersistence} keeps them (one directory per
 * scope under a base directory, each write a temporary file moved into place), fenced by each
 * scope's epoch in {@code <base>/.epochs} (a name no scope directory has). A write or delete
 * holds the scope's lock (see {@link DiskEpochs}) while it compares the epochs and changes the
 * file: a claim, from this JVM or another one sharing the directory, waits for a write in flight,
 * and no write of an older epoch lands after a newer claim. The lock is waited for at most a lock
 * timeout; past it the claim, write or delete fails with
 * {@link dev.sagents.persistence.PersistenceUnavailableException} and changes nothing.
 */
public final class DiskFileSystemStore implements FileSystemStore {

	/** The directory of the epochs under the base directory. */
	static final String EPOCHS_DIRECTORY = ".epochs";

	private final DiskFileSystemPersistence files;

	private final DiskEpochs epochs;

	/** How long a scope's lock is waited for by default. */
	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * Stores under {@code baseDirectory}, which is created with the first claim if missing, waiting
	 * for a scope's lock at most {@link #DEFAULT_LOCK_TIMEOUT}.
	 *
	 * @param baseDirectory the directory that holds one directory per scope, and the epochs
	 */
	public DiskFileSystemStore(Path baseDirectory) {
		this(baseDirectory, DEFAULT_LOCK_TIMEOUT);
	}

	/**
	 * Stores under {@code baseDirectory}, which is created with the first claim if missing.
	 *
	 * @param baseDirectory the directory that holds one directory per scope, and the epochs
	 * @param lockTimeout how long a claim, write or delete waits for its scope's lock, which another
	 * JVM sharing the directory may hold
	 */
	public DiskFileSystemStore(Path baseDirectory, Duration lockTimeout) {
		Path base = Arguments.notNull(baseDirectory, "baseDirectory").toAbsolutePath().normalize();
		Arguments.notNull(lockTimeout, "lockTimeout");
		if (lockTimeout.isNegative() || lockTimeout.isZero()) {
			throw new IllegalArgumentException("'lockTimeout' must be positive, not " + lockTimeout);
		}
		this.files = new DiskFileSystemPersistence(base);
		this.epochs = new DiskEpochs(base.resolve(EPOCHS_DIRECTORY), lockTimeout);
	}

	@Override
	public long claim(String scope) throws IOException {
		return this.epochs.claim(DiskFileSystemPersistence.directoryName(scope));
	}

	/**
	 * Claims each of {@code scopes} as {@link #claim} does, taking their locks once for the batch
	 * (see {@link DiskEpochs#claimAll}): a batch that cannot take one of them within the lock
	 * timeout fails with {@link dev.sagents.persistence.PersistenceUnavailableException} and
	 * claims none of them (of a batch of more than {@link DiskEpochs#MOST_LOCKS_HELD}, none of the
	 * part that failed; the parts before it are claimed).
	 */
	@Override
	public Map<String, Long> claimAll(Collection<String> scopes) throws IOException {
		Map<String, String> byName = new HashMap<>();
		for (String scope : scopes) {
			byName.put(DiskFileSystemPersistence.directoryName(scope), scope);
		}
		Map<String, Long> claimed = new HashMap<>();
		this.epochs.claimAll(byName.keySet()).forEach((name, epoch) -> claimed.put(byName.get(name), epoch));
		return claimed;
	}

	@Override
	public void write(String scope, long epoch, String path, byte[] content) throws IOException {
		fenced(scope, epoch, () -> this.files.write(scope, path, content));
	}

	@Override
	public void delete(String scope, long epoch, String path) throws IOException {
		fenced(scope, epoch, () -> this.files.delete(scope, path));
	}

	@Override
	public Optional<byte[]> read(String scope, String path) throws IOException {
		return this.files.read(scope, path);
	}

	@Override
	public List<StoredFile> list(String scope) throws IOException {
		return this.files.list(scope);
	}

	/** Makes {@code change} if no activation newer than {@code epoch} claimed {@code scope}; else refuses it. */
	private void fenced(String scope, long epoch, DiskEpochs.Change change) throws IOException {
		if (!this.epochs.ifCurrent(DiskFileSystemPersistence.directoryName(scope), epoch, change)) {
			throw new StaleActivationException(ProcessKey.fileSystem(scope), epoch);
		}
	}

}
