package dev.sagents.persistence.disk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import dev.sagents.filesystem.DiskFileSystemPersistence;
import dev.sagents.filesystem.FileSystemPersistence.StoredFile;
import dev.sagents.persistence.FileSystemStoreContract;
import dev.sagents.persistence.PersistenceUnavailableException;
import dev.sagents.process.StaleActivationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The disk store: epochs grow with every claim and outlive the store, a stale activation's write
 * or delete changes nothing, and the fence holds across threads, across stores of one JVM and
 * across JVMs sharing the directory.
 */
class DiskFileSystemStoreTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@TempDir
	Path base;

	private final List<Process> processes = new CopyOnWriteArrayList<>();

	private final ExecutorService threads = Executors.newCachedThreadPool();

	@AfterEach
	void stop() {
		this.processes.forEach(Process::destroyForcibly);
		this.threads.shutdownNow();
	}

	@Test
	void filesAreWrittenUnderTheirScopesEpochAndAStaleOneChangesNothing() throws IOException {
		FileSystemStoreContract.filesAreWrittenUnderTheirScopesEpochAndAStaleOneChangesNothing(
				new DiskFileSystemStore(this.base));
	}

	@Test
	void scopesClaimedTogetherEachGetTheirNextEpochAndAStaleOneChangesNothing() throws IOException {
		FileSystemStoreContract.scopesClaimedTogetherEachGetTheirNextEpochAndAStaleOneChangesNothing(
				new DiskFileSystemStore(this.base), 20);
	}

	@Test
	void epochsOutliveTheStoreAndStayApartFromTheFilesOfEveryScope() throws IOException {
		DiskFileSystemStore first = new DiskFileSystemStore(this.base);
		first.claim("user:alice");
		long before = first.claim("user:alice");
		first.write("user:alice", before, "notes.md", bytes("kept"));

		DiskFileSystemStore restarted = new DiskFileSystemStore(this.base);
		assertThat(restarted.claim("user:alice")).isEqualTo(before + 1);
		assertThat(restarted.claim(".epochs")).as("a scope named like the epochs' directory").isEqualTo(1);
		assertThat(restarted.list("user:alice")).extracting(StoredFile::path).containsExactly("notes.md");
		assertThat(restarted.list(".epochs")).isEmpty();
		assertThat(Files.readString(this.base.resolve(".epochs")
			.resolve(DiskFileSystemPersistence.directoryName("user:alice") + ".epoch"))).isEqualTo("3");
	}

	@Test
	void aCorruptEpochFileIsReportedNotTakenAsUnclaimed() throws IOException {
		DiskFileSystemStore store = new DiskFileSystemStore(this.base);
		store.claim("user:alice");
		Path epoch = this.base.resolve(".epochs/user%3Aalice.epoch");
		Files.writeString(epoch, "garbage");

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> store.claim("user:alice"))
			.withMessageContaining(epoch.toString())
			.withMessageContaining("'garbage'");
		assertThat(Files.readString(epoch)).isEqualTo("garbage");
	}

	/**
	 * Claims at once from many threads, through two stores of this JVM whose directories are spelled
	 * apart (one through a link): each gets its own epoch, and no file lock is taken twice in the JVM.
	 */
	@Test
	void claimsOfOneScopeAtOnceThroughTwoStoresOfThisJvmEachGetTheirOwnEpoch() throws Exception {
		Path link = Files.createSymbolicLink(this.base.resolveSibling(this.base.getFileName() + "-link"), this.base);
		try {
			List<DiskFileSystemStore> stores = List.of(new DiskFileSystemStore(this.base), new DiskFileSystemStore(link));
			int claims = 16;
			List<Callable<Long>> tasks = new ArrayList<>();
			for (int i = 0; i < claims; i++) {
				DiskFileSystemStore store = stores.get(i % 2);
				tasks.add(() -> store.claim("race"));
			}
			List<Long> epochs = new ArrayList<>();
			for (Future<Long> epoch : this.threads.invokeAll(tasks)) {
				epochs.add(epoch.get());
			}
			assertThat(epochs).hasSize(claims).doesNotHaveDuplicates().allMatch((epoch) -> epoch >= 1 && epoch <= claims);
		}
		finally {
			Files.delete(link);
		}
	}

	/**
	 * A batch takes the locks of all its scopes before it claims any: while one of them is held past
	 * the lock timeout, the batch fails and every epoch stays as it was, not raised for the scopes
	 * before the one it waited for; once the lock is let go, the batch claims each scope once.
	 */
	@Test
	void aBatchThatCannotTakeOneScopesLockClaimsNoneOfItsScopes() throws Exception {
		DiskFileSystemStore store = new DiskFileSystemStore(this.base, Duration.ofMillis(300));
		store.claim("user:alice");
		List<String> scopes = List.of("user:alice", "user:bob", "user:carol");
		DiskEpochs epochs = new DiskEpochs(this.base.resolve(DiskFileSystemStore.EPOCHS_DIRECTORY), TIMEOUT);
		try (ScopeLockHolder held = new ScopeLockHolder(this.base, "user:bob", TIMEOUT)) {
			assertThatExceptionOfType(PersistenceUnavailableException.class).isThrownBy(() -> store.claimAll(scopes))
				.withMessageContaining("sagents.persistence.disk.lock-timeout");
			assertThat(epochs.stored("user%3Aalice")).hasValue(1);
			assertThat(epochs.stored("user%3Abob")).hasValue(1);
			assertThat(epochs.stored("user%3Acarol")).isEmpty();
		}

		assertThat(store.claimAll(scopes)).isEqualTo(Map.of("user:alice", 2L, "user:bob", 2L, "user:carol", 1L));
	}

	/**
	 * Batches of the same scopes, at once, from threads of this JVM through two stores and from
	 * another JVM, each in its own order: none waits for another for good, and every claim of a
	 * scope gets an epoch of its own, one more than the one before.
	 */
	@Test
	void batchesOfTheSameScopesAtOnceFromThisJvmAndAnotherEachGetTheirOwnEpochs() throws Exception {
		List<String> scopes = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			scopes.add("team:" + i);
		}
		List<String> reversed = new ArrayList<>(scopes);
		Collections.reverse(reversed);
		int batches = 20;
		List<String> arguments = new ArrayList<>(List.of(this.base.toString(), Integer.toString(batches)));
		arguments.addAll(reversed);
		OtherJvm other = otherJvm(OtherJvmClaimAll.class.getName(), arguments.toArray(String[]::new));
		await().atMost(TIMEOUT).until(() -> other.output().contains("claiming"));
		List<DiskFileSystemStore> stores = List.of(new DiskFileSystemStore(this.base), new DiskFileSystemStore(this.base));
		List<Callable<List<Map<String, Long>>>> tasks = new ArrayList<>();
		for (int thread = 0; thread < 2; thread++) {
			DiskFileSystemStore store = stores.get(thread);
			List<String> order = (thread == 0) ? scopes : reversed;
			tasks.add(() -> {
				List<Map<String, Long>> claimed = new ArrayList<>();
				for (int i = 0; i < batches; i++) {
					claimed.add(store.claimAll(order));
				}
				return claimed;
			});
		}
		Map<String, List<Long>> epochs = new HashMap<>();
		for (Future<List<Map<String, Long>>> thread : this.threads.invokeAll(tasks)) {
			thread.get().forEach((batch) -> batch.forEach(
					(scope, epoch) -> epochs.computeIfAbsent(scope, (key) -> new ArrayList<>()).add(epoch)));
		}
		other.awaitExit();
		other.output().stream().filter((line) -> line.contains("=")).flatMap((line) -> Arrays.stream(line.split(" ")))
			.map((claim) -> claim.split("="))
			.forEach((claim) -> epochs.computeIfAbsent(claim[0], (key) -> new ArrayList<>()).add(Long.parseLong(claim[1])));

		List<Long> expected = LongStream.rangeClosed(1, 3L * batches).boxed().toList();
		assertThat(epochs).hasSize(scopes.size())
			.allSatisfy((scope, claimed) -> assertThat(claimed).containsExactlyInAnyOrderElementsOf(expected));
	}

	/** The newer owner on another JVM claims; this JVM's owner, which claimed before, is refused after. */
	@Test
	void aWriteOfThisJvmIsRefusedOnceAnotherJvmClaimedAndTheOtherJvmsFileStays() throws Exception {
		DiskFileSystemStore store = new DiskFileSystemStore(this.base);
		long old = store.claim("user:alice");
		store.write("user:alice", old, "notes.md", bytes("one"));

		OtherJvm other = otherJvmClaims("user:alice", "notes.md", "newer");
		other.awaitExit();
		assertThat(other.output()).containsExactly("claiming", "claimed " + (old + 1));

		assertThatExceptionOfType(StaleActivationException.class)
			.isThrownBy(() -> store.write("user:alice", old, "notes.md", bytes("stale")));
		assertThat(text(store, "user:alice", "notes.md")).isEqualTo("newer");
	}

	/**
	 * While this JVM holds the scope's lock for a write of the current epoch, another JVM's claim
	 * waits; it gets the next epoch once the write is done, so the write lands before the claim.
	 */
	@Test
	void aClaimOfAnotherJvmWaitsForAWriteInFlightOfThisOne() throws Exception {
		DiskFileSystemStore store = new DiskFileSystemStore(this.base);
		long epoch = store.claim("user:alice");
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		DiskEpochs epochs = new DiskEpochs(this.base.resolve(DiskFileSystemStore.EPOCHS_DIRECTORY), TIMEOUT);
		CompletableFuture<Boolean> write = CompletableFuture.supplyAsync(() -> {
			try {
				return epochs.ifCurrent(DiskFileSystemPersistence.directoryName("user:alice"), epoch, () -> {
					holding.countDown();
					await().atMost(TIMEOUT).until(() -> release.getCount() == 0);
				});
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}, this.threads);
		assertThat(holding.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

		OtherJvm other = otherJvmClaims("user:alice", "notes.md", "newer");
		await().atMost(TIMEOUT).until(() -> other.output().contains("claiming"));
		await().during(Duration.ofMillis(500)).atMost(TIMEOUT).until(() -> other.output().size() == 1);
		assertThat(epochs.stored(DiskFileSystemPersistence.directoryName("user:alice"))).hasValue(epoch);

		release.countDown();
		assertThat(write.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		other.awaitExit();
		assertThat(other.output()).containsExactly("claiming", "claimed " + (epoch + 1));
	}

	/**
	 * Another JVM claims the scope, takes its lock for a write and is stopped (SIGSTOP) holding it:
	 * this JVM's claims, writes and deletes of the scope wait for the lock timeout only, then fail
	 * as the store being unavailable and change nothing. Once the stopped JVM is killed, which
	 * releases its lock, the scope is claimed as usual.
	 */
	@Test
	void aJvmStoppedWhileItHoldsTheLockMakesOthersFailAfterTheLockTimeoutNotWaitForever() throws Exception {
		DiskFileSystemStore store = new DiskFileSystemStore(this.base, Duration.ofMillis(300));
		long old = store.claim("user:alice");
		store.write("user:alice", old, "notes.md", bytes("one"));
		OtherJvm other = otherJvm(OtherJvmHold.class.getName(), this.base.toString(), "user:alice");
		await().atMost(TIMEOUT).until(() -> other.output().contains("holding " + (old + 1)));
		sigstop(other.process());

		Path lockFile = this.base.resolve(".epochs/user%3Aalice.lock").toRealPath();
		for (Callable<?> locked : List.<Callable<?>>of(() -> store.claim("user:alice"),
				() -> write(store, old + 1, "notes.md", "late"), () -> delete(store, old + 1, "notes.md"))) {
			Future<?> attempt = this.threads.submit(locked);
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> attempt.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(PersistenceUnavailableException.class)
				.withMessageContaining(lockFile.toString())
				.withMessageContaining("300 ms (sagents.persistence.disk.lock-timeout)")
				.withMessageContaining("another process holds it");
		}
		assertThat(text(store, "user:alice", "notes.md")).isEqualTo("one");

		other.process().destroyForcibly();
		assertThat(other.process().waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(store.claim("user:alice")).as("the killed JVM's lock released").isEqualTo(old + 2);
	}

	/** A thread of this JVM that holds the scope's lock too long makes the others fail after the lock timeout. */
	@Test
	void aThreadOfThisJvmHoldingTheLockTooLongMakesOthersFailAfterTheLockTimeout() throws Exception {
		DiskFileSystemStore store = new DiskFileSystemStore(this.base, Duration.ofMillis(300));
		long epoch = store.claim("user:alice");
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		DiskEpochs epochs = new DiskEpochs(this.base.resolve(DiskFileSystemStore.EPOCHS_DIRECTORY), TIMEOUT);
		Future<Boolean> held = this.threads.submit(() -> epochs.ifCurrent(
				DiskFileSystemPersistence.directoryName("user:alice"), epoch, () -> {
					holding.countDown();
					await().atMost(TIMEOUT).until(() -> release.getCount() == 0);
				}));
		assertThat(holding.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

		Future<Long> claim = this.threads.submit(() -> store.claim("user:alice"));
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> claim.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(PersistenceUnavailableException.class)
			.withMessageContaining("a thread of this JVM holds it or waits for it");
		release.countDown();
		assertThat(held.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(store.claim("user:alice")).isEqualTo(epoch + 1);
	}

	private static void sigstop(Process process) throws Exception {
		Process kill = new ProcessBuilder("kill", "-STOP", Long.toString(process.pid())).inheritIO().start();
		assertThat(kill.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(kill.exitValue()).isZero();
	}

	private static Void write(DiskFileSystemStore store, long epoch, String path, String content) throws IOException {
		store.write("user:alice", epoch, path, bytes(content));
		return null;
	}

	private static Void delete(DiskFileSystemStore store, long epoch, String path) throws IOException {
		store.delete("user:alice", epoch, path);
		return null;
	}

	/** Starts a JVM on this test's class path that claims {@code scope} and writes {@code content} at {@code path}. */
	private OtherJvm otherJvmClaims(String scope, String path, String content) throws IOException {
		return otherJvm(OtherJvmClaim.class.getName(), this.base.toString(), scope, path, content);
	}

	/** Starts a JVM on this test's class path that runs {@code mainClass} with {@code args}. */
	private OtherJvm otherJvm(String mainClass, String... args) throws IOException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
				mainClass));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		this.processes.add(process);
		OtherJvm other = new OtherJvm(process, new CopyOnWriteArrayList<>());
		this.threads.execute(other::readOutput);
		return other;
	}

	private record OtherJvm(Process process, List<String> output) {

		void readOutput() {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				lines.lines().forEach(this.output::add);
			}
			catch (IOException ex) {
				this.output.add(ex.toString());
			}
		}

		void awaitExit() throws InterruptedException {
			assertThat(this.process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("the other JVM exited").isTrue();
			assertThat(this.process.exitValue()).as("exit code; output: %s", this.output).isZero();
			// Its output is read on another thread: all of it is there once the stream has ended.
			await().atMost(TIMEOUT).until(() -> !this.output.isEmpty() && this.output.get(this.output.size() - 1).startsWith("claimed"));
		}

	}

	private static String text(DiskFileSystemStore store, String scope, String path) throws IOException {
		return new String(store.read(scope, path).orElseThrow(), StandardCharsets.UTF_8);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
