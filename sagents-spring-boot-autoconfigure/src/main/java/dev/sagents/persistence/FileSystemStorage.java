package dev.sagents.persistence;

import java.io.IOException;

import dev.sagents.filesystem.FileSystemPersistence;
import dev.sagents.process.Arguments;

/**
 * What file systems persist through: each start of a file system activates its scope here once
 * and writes through the {@link FileSystemPersistence} it gets back. Over a
 * {@link FileSystemStore} that is fenced ({@link #fenced}), and file systems about to start
 * together are claimed ahead ({@link ClaimingAhead}); over an application's or the disk
 * {@link FileSystemPersistence} it is not ({@link #of}).
 */
@FunctionalInterface
public interface FileSystemStorage extends ClaimingAhead {

	/**
	 * Activates the file system of {@code scope}: claims its next epoch where the storage fences,
	 * or takes the one {@linkplain #claimAhead claimed ahead} for it.
	 *
	 * @return the activation: its epoch, and what it reads and writes its files through
	 */
	FileSystemActivation activate(String scope) throws IOException;

	/** Storage through {@code persistence} as it is, without epochs (each activation's is 0): no fencing. */
	static FileSystemStorage of(FileSystemPersistence persistence) {
		Arguments.notNull(persistence, "persistence");
		return (scope) -> new FileSystemActivation(0, persistence);
	}

	/**
	 * Storage over {@code store}, fenced: each activation claims the scope's next epoch (or takes
	 * the one claimed ahead for it), and its writes and deletes are refused with
	 * {@link dev.sagents.process.StaleActivationException} once a newer activation claimed the
	 * scope.
	 */
	static FileSystemStorage fenced(FileSystemStore store) {
		return new FencedFileSystemStorage(store);
	}

}
