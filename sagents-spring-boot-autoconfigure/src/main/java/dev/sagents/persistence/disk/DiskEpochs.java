package dev.sagents.persistence.disk;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import dev.sagents.persistence.PersistenceUnavailableException;

/**
 * The epochs of a disk store, one file per key in a directory of their own:
 * {@code <name>.epoch} holds the key's epoch as a decimal number. A key's epoch is read and
 * changed only under its lock, a {@link FileChannel#lock() FileChannel.lock} of
 * {@code <name>.lock} beside it, which every JVM sharing the directory respects (and every
 * machine, where the file system supports locks: on NFS that takes its lock daemon). A JVM holds a
 * file's lock at most once (a second {@code lock} of it in the same JVM throws
 * {@link java.nio.channels.OverlappingFileLockException}), so the threads of this JVM take an
 * in-JVM lock of the same file first. Both are waited for at most the lock timeout: a JVM paused
 * (SIGSTOP) while it holds a lock keeps it until it resumes or dies, and the others then fail with
 * {@link PersistenceUnavailableException} instead of waiting for good. A new epoch goes to a
 * temporary file, forced to disk, that then replaces the old file in one move, and the directory is
 * forced too (where the operating system lets a directory be opened): a crash, even of the
 * machine, leaves the old epoch or the new one. A batch of claims takes its keys' locks once, all
 * together, and forces the directory once for all of them.
 */
final class DiskEpochs {

	/** How many in-JVM locks the lock files share. */
	private static final int STRIPES = 64;

	/** Per JVM, as file locks are: every store of this JVM, over any directory, shares them. */
	private static final ReentrantLock[] LOCKS = new ReentrantLock[STRIPES];

	static {
		for (int i = 0; i < STRIPES; i++) {
			LOCKS[i] = new ReentrantLock();
		}
	}

	/**
	 * How many keys' locks a batch holds at most at once. Few, as a part holds its in-JVM stripes
	 * while it waits for a file lock another JVM holds: writes of this JVM whose keys share one of
	 * them wait as long (16 keys hold at most a quarter of the stripes).
	 */
	static final int MOST_LOCKS_HELD = 16;

	/** The longest pause between two tries of a file lock another JVM holds. */
	private static final long MAX_RETRY_PAUSE = TimeUnit.MILLISECONDS.toNanos(50);

	private final Path directory;

	private final Duration lockTimeout;

	/**
	 * @param directory the directory of the epoch files, created with the first claim if missing;
	 * nothing else may be kept in it
	 * @param lockTimeout how long a claim, write or delete waits for a key's lock
	 */
	DiskEpochs(Path directory, Duration lockTimeout) {
		this.directory = directory;
		this.lockTimeout = lockTimeout;
	}

	/**
	 * Claims {@code name}: its epoch becomes the stored one plus one (1 the first time).
	 *
	 * @param name the key, a safe file name
	 * @return the new epoch
	 */
	long claim(String name) throws IOException {
		return claimAll(List.of(name)).get(name);
	}

	/**
	 * Claims each of {@code names} as {@link #claim} does, as a batch: its locks are taken once,
	 * all of them before any epoch changes (so a batch that cannot take one within the lock timeout
	 * changes none), every epoch is raised, the directory is forced once for all, and then the
	 * locks are let go. A batch of more than {@link #MOST_LOCKS_HELD} names goes in parts of that
	 * many, one after the other. A part that fails after its locks were taken (the disk refuses a
	 * write or the directory's force) leaves raised the epochs it raised before the failure, as do
	 * the parts before it: they only fence their keys' earlier owners out, and the claim fails.
	 *
	 * @param names the keys, safe file names
	 * @return the new epoch of each key, by key
	 */
	Map<String, Long> claimAll(Collection<String> names) throws IOException {
		List<String> sorted = List.copyOf(new TreeSet<>(names));
		Map<String, Long> claimed = new HashMap<>();
		for (int from = 0; from < sorted.size(); from += MOST_LOCKS_HELD) {
			List<String> part = sorted.subList(from, Math.min(from + MOST_LOCKS_HELD, sorted.size()));
			locked(part, () -> {
				for (String name : part) {
					long next = stored(name).orElse(0) + 1;
					writeEpoch(name, next);
					claimed.put(name, next);
				}
				forceDirectory();
				return null;
			});
		}
		return claimed;
	}

	/**
	 * Makes {@code change} while holding the lock of {@code name}, if {@code name} was claimed and
	 * no epoch newer than {@code epoch} was: a claim waits for it, and none lands between the check
	 * and the change.
	 *
	 * @return whether the change was made ({@code false}: a newer epoch was claimed, or none)
	 */
	boolean ifCurrent(String name, long epoch, Change change) throws IOException {
		return locked(List.of(name), () -> {
			OptionalLong stored = stored(name);
			if (stored.isEmpty() || stored.getAsLong() > epoch) {
				return false;
			}
			change.make();
			return true;
		});
	}

	/** The epoch stored for {@code name}; empty if it was never claimed. */
	OptionalLong stored(String name) throws IOException {
		Path file = this.directory.resolve(name + ".epoch");
		String text;
		try {
			text = Files.readString(file, StandardCharsets.US_ASCII).trim();
		}
		catch (NoSuchFileException ex) {
			return OptionalLong.empty();
		}
		try {
			return OptionalLong.of(Long.parseLong(text));
		}
		catch (NumberFormatException ex) {
			throw new IOException("The epoch file " + file + " holds '" + text + "', not an epoch", ex);
		}
	}

	/**
	 * Replaces the epoch file of {@code name} with one of {@code epoch}, forced to disk first; the
	 * directory's entry is durable once {@link #forceDirectory()} ran.
	 */
	private void writeEpoch(String name, long epoch) throws IOException {
		Path temporary = Files.createTempFile(this.directory, "claim-", ".tmp");
		try {
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				channel.write(StandardCharsets.US_ASCII.encode(Long.toString(epoch)));
				channel.force(true);
			}
			Files.move(temporary, this.directory.resolve(name + ".epoch"), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/**
	 * Forces the directory's entries to disk, so that the move of an epoch file survives a crash
	 * of the machine. Where a directory cannot be opened (Windows), the move is as durable as the
	 * file system makes it by itself.
	 */
	private void forceDirectory() throws IOException {
		FileChannel channel;
		try {
			channel = FileChannel.open(this.directory, StandardOpenOption.READ);
		}
		catch (IOException ex) {
			// A directory cannot be opened on this operating system: nothing more can be done.
			return;
		}
		try (channel) {
			// A failure here is the disk's: the claim fails with it rather than look durable.
			channel.force(true);
		}
	}

	/**
	 * Runs {@code work} holding the in-JVM locks, then the file locks, of {@code names} (sorted,
	 * distinct), all waited for within one lock timeout. In-JVM locks are taken in the order of
	 * their stripes, file locks in the order of the names, by batches and single keys alike: no two
	 * holders, of this JVM or of any, ever wait for each other in a circle.
	 */
	private <T> T locked(List<String> names, Locked<T> work) throws IOException {
		// The real path, so that two spellings of one directory share the in-JVM lock as they share the file's.
		Path lockDirectory = Files.createDirectories(this.directory).toRealPath();
		long deadline = System.nanoTime() + this.lockTimeout.toNanos();
		List<Path> lockFiles = names.stream().map((name) -> lockDirectory.resolve(name + ".lock")).toList();
		SortedMap<Integer, Path> stripes = new TreeMap<>();
		for (Path lockFile : lockFiles) {
			stripes.putIfAbsent(Math.floorMod(lockFile.toString().hashCode(), STRIPES), lockFile);
		}
		// Closed whatever happens; a failure to let go is added to the failure that ended the work.
		try (HeldLocks held = new HeldLocks()) {
			for (Map.Entry<Integer, Path> stripe : stripes.entrySet()) {
				lockInJvm(LOCKS[stripe.getKey()], deadline, stripe.getValue());
				held.inJvm.add(LOCKS[stripe.getKey()]);
			}
			for (Path lockFile : lockFiles) {
				FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				held.files.add(channel);
				lockFile(channel, deadline, lockFile);
			}
			return work.run();
		}
	}

	private void lockInJvm(ReentrantLock inJvm, long deadline, Path lockFile) throws IOException {
		try {
			if (!inJvm.tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
				throw timedOut(lockFile, "a thread of this JVM holds it or waits for it "
						+ "(this scope, or another sharing its in-JVM lock stripe)");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting for the lock " + lockFile);
		}
	}

	/** The file lock of {@code channel}, tried again with growing pauses until {@code deadline}. */
	private FileLock lockFile(FileChannel channel, long deadline, Path lockFile) throws IOException {
		long pause = TimeUnit.MILLISECONDS.toNanos(1);
		FileLock lock = channel.tryLock();
		while (lock == null) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw timedOut(lockFile, "another process holds it");
			}
			LockSupport.parkNanos(Math.min(pause, left));
			if (Thread.currentThread().isInterrupted()) {
				throw new InterruptedIOException("Interrupted while waiting for the lock " + lockFile);
			}
			pause = Math.min(pause * 2, MAX_RETRY_PAUSE);
			lock = channel.tryLock();
		}
		return lock;
	}

	private PersistenceUnavailableException timedOut(Path lockFile, String holder) {
		return new PersistenceUnavailableException("could not take the lock " + lockFile + " within "
				+ this.lockTimeout.toMillis() + " ms (sagents.persistence.disk.lock-timeout): " + holder
				+ " (a JVM paused while it held it keeps it until it resumes or dies)", null);
	}

	/** A change of what an epoch guards. */
	@FunctionalInterface
	interface Change {

		void make() throws IOException;

	}

	@FunctionalInterface
	private interface Locked<T> {

		T run() throws IOException;

	}

	/** The locks a batch took so far: closing lets the file locks go (closing their files), then the in-JVM ones. */
	private static final class HeldLocks implements Closeable {

		private final List<ReentrantLock> inJvm = new ArrayList<>();

		private final List<FileChannel> files = new ArrayList<>();

		@Override
		public void close() throws IOException {
			IOException failed = null;
			try {
				for (FileChannel file : this.files) {
					try {
						file.close();
					}
					catch (IOException ex) {
						if (failed == null) {
							failed = ex;
						}
						else {
							failed.addSuppressed(ex);
						}
					}
				}
			}
			finally {
				this.inJvm.forEach(ReentrantLock::unlock);
			}
			if (failed != null) {
				throw failed;
			}
		}

	}

}
