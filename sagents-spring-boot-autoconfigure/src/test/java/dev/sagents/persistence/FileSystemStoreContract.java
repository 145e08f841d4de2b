package dev.sagents.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.sagents.filesystem.FileSystemPersistence.StoredFile;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.StaleActivationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What every {@link FileSystemStore} must do, checked the same way on each store's own test: files
 * are written under their scope's epoch, and a stale activation's writes and deletes change nothing.
 */
public final class FileSystemStoreContract {

	private FileSystemStoreContract() {
	}

	/**
	 * Writes under a first claim, claims again, then checks that the first activation's writes
	 * and deletes are refused, as is a write of a scope never claimed, and the files stay as the
	 * current activation left them.
	 */
	public static void filesAreWrittenUnderTheirScopesEpochAndAStaleOneChangesNothing(FileSystemStore store)
			throws IOException {
		long old = store.claim("user:alice");
		store.write("user:alice", old, "notes/a.md", bytes("first"));
		store.write("user:alice", old, "notes/a.md", bytes("second"));
		store.write("user:alice", old, "b.md", bytes("b"));
		long current = store.claim("user:alice");
		assertThat(current).isEqualTo(old + 1);
		store.delete("user:alice", current, "b.md");

		assertThatExceptionOfType(StaleActivationException.class)
			.isThrownBy(() -> store.write("user:alice", old, "notes/a.md", bytes("stale")))
			.satisfies((stale) -> assertThat(stale.key()).isEqualTo(ProcessKey.fileSystem("user:alice")))
			.satisfies((stale) -> assertThat(stale.epoch()).isEqualTo(old));
		assertThatExceptionOfType(StaleActivationException.class)
			.isThrownBy(() -> store.delete("user:alice", old, "notes/a.md"));
		assertThatExceptionOfType(StaleActivationException.class)
			.isThrownBy(() -> store.write("user:bob", 1, "never-claimed.md", bytes("x")));
		assertThat(store.read("user:alice", "notes/a.md")).hasValueSatisfying(
				(content) -> assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo("second"));
		assertThat(store.list("user:alice")).extracting(StoredFile::path, StoredFile::size)
			.containsExactly(tuple("notes/a.md", 6L));
		assertThat(store.read("user:bob", "never-claimed.md")).isEmpty();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
