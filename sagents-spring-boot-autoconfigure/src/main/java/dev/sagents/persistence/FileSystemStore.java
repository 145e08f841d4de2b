package dev.sagents.persistence;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.sagents.filesystem.FileSystemPersistence.StoredFile;
import dev.sagents.process.StaleActivationException;

/**
 * Where file systems keep their files, with an epoch per scope that fences stale activations: the
 * SPI of the built-in stores. Paths given here were validated already. Implementations are called
 * from many threads at once, for different scopes.
 */
public interface FileSystemStore {

	/**
	 * Claims {@code scope} for a new activation, atomically: its epoch becomes the stored one plus
	 * one (1 the first time). From then on, writes and deletes with a lower epoch are refused.
	 *
	 * @return the new epoch
	 */
	long claim(String scope) throws IOException;

	/**
	 * Claims each of {@code scopes} as {@link #claim} does, in as few round trips as the store can:
	 * a node that starts many file systems at once (a failover, a handoff) claims them ahead,
	 * together. This default claims one after the other.
	 *
	 * @return the new epoch of each scope, by scope
	 */
	default Map<String, Long> claimAll(Collection<String> scopes) throws IOException {
		return OneClaimAtATime.claimEach(scopes, this::claim);
	}

	/**
	 * Stores {@code content} at {@code path} of {@code scope}, replacing what was there, unless a
	 * newer activation claimed the scope: then nothing is written and
	 * {@link StaleActivationException} is thrown.
	 */
	void write(String scope, long epoch, String path, byte[] content) throws IOException;

	/** Removes {@code path} of {@code scope} as {@link #write} writes: refused for a stale epoch. */
	void delete(String scope, long epoch, String path) throws IOException;

	/** The content at {@code path} of {@code scope}, if stored. */
	Optional<byte[]> read(String scope, String path) throws IOException;

	/** Every file stored for {@code scope}, without content. */
	List<StoredFile> list(String scope) throws IOException;

}
