package dev.sagents.persistence.disk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import dev.sagents.filesystem.DiskFileSystemPersistence;

/**
 * Run in a JVM of its own by {@link DiskFileSystemStoreTest}, as an owner that stops (SIGSTOP)
 * while it holds a scope's lock: claims the scope, then takes its lock for a write and prints
 * {@code holding <epoch>}, and keeps it until its standard input ends (never, in the test, which
 * stops and then kills it).
 */
public final class OtherJvmHold {

	private OtherJvmHold() {
	}

	/** @param args the base directory, the scope */
	public static void main(String[] args) throws IOException {
		DiskFileSystemStore store = new DiskFileSystemStore(Path.of(args[0]));
		long epoch = store.claim(args[1]);
		DiskEpochs epochs = new DiskEpochs(Path.of(args[0]).resolve(DiskFileSystemStore.EPOCHS_DIRECTORY),
				Duration.ofSeconds(10));
		epochs.ifCurrent(DiskFileSystemPersistence.directoryName(args[1]), epoch, () -> {
			System.out.println("holding " + epoch);
			System.out.flush();
			while (System.in.read() >= 0) {
				// Holds the lock until its input ends.
			}
		});
	}

}
