package dev.sagents.persistence.disk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.sagents.filesystem.DiskFileSystemPersistence;

/**
 * Holds a scope's lock of a disk store from a thread of its own, as a write in flight does, until
 * closed: for tests outside this package that need the lock taken.
 */
public final class ScopeLockHolder implements AutoCloseable {

	private final CountDownLatch release = new CountDownLatch(1);

	private final CompletableFuture<Boolean> held;

	/** Takes the lock of {@code scope} under {@code baseDirectory}, claiming the scope first; returns once it holds it. */
	public ScopeLockHolder(Path baseDirectory, String scope, Duration timeout) throws Exception {
		DiskFileSystemStore store = new DiskFileSystemStore(baseDirectory, timeout);
		long epoch = store.claim(scope);
		DiskEpochs epochs = new DiskEpochs(baseDirectory.toAbsolutePath().normalize()
			.resolve(DiskFileSystemStore.EPOCHS_DIRECTORY), timeout);
		CountDownLatch holding = new CountDownLatch(1);
		this.held = CompletableFuture.supplyAsync(() -> {
			try {
				return epochs.ifCurrent(DiskFileSystemPersistence.directoryName(scope), epoch, () -> {
					holding.countDown();
					awaitRelease(timeout);
				});
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		if (!holding.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException("The lock of " + scope + " was not taken within " + timeout);
		}
	}

	private void awaitRelease(Duration timeout) throws IOException {
		try {
			this.release.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	/** Lets the lock go and waits until it is. */
	@Override
	public void close() throws Exception {
		this.release.countDown();
		this.held.get(10, TimeUnit.SECONDS);
	}

}
