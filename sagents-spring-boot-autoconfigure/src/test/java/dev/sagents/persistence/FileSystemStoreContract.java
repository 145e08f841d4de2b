package dev.sagents.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.sagents.filesystem.FileSystemPersistence.StoredFile;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.StaleActivationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What every {@link FileSystemStore} must do, checked the same way on each store's own test: files
 * are written under their scope's epoch, scopes claimed together each get their next epoch, and a
 * stale activation's writes and deletes change nothing.
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

	/**
	 * Claims {@code count} scopes never claimed and one written under a first claim, together:
	 * each gets its next epoch, the first activation's write and delete are refused and its file
	 * stays, the new activations write, and claiming them all together again raises each epoch by
	 * one.
	 */
	public static void scopesClaimedTogetherEachGetTheirNextEpochAndAStaleOneChangesNothing(
			FileSystemStore store, int count) throws IOException {
		long old = store.claim("together:stored");
		store.write("together:stored", old, "kept.md", bytes("kept"));
		List<String> scopes = new ArrayList<>(List.of("together:stored"));
		for (int i = 0; i < count; i++) {
			scopes.add("together:" + i);
		}

		Map<String, Long> claimed = store.claimAll(scopes);

		assertThat(claimed).hasSize(scopes.size()).containsEntry("together:stored", old + 1);
		assertThat(claimed).containsEntry("together:0", 1L).containsEntry("together:" + (count - 1), 1L);
		assertThatExceptionOfType(StaleActivationException.class)
			.isThrownBy(() -> store.write("together:stored", old, "kept.md", bytes("stale")));
		assertThatExceptionOfType(StaleActivationException.class)
			.isThrownBy(() -> store.delete("together:stored", old, "kept.md"));
		assertThat(store.read("together:stored", "kept.md")).hasValueSatisfying(
				(content) -> assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo("kept"));
		store.write("together:0", claimed.get("together:0"), "new.md", bytes("new"));
		assertThat(store.list("together:0")).extracting(StoredFile::path).containsExactly("new.md");

		Map<String, Long> again = store.claimAll(scopes);

		assertThat(again).hasSize(scopes.size())
			.allSatisfy((scope, epoch) -> assertThat(epoch).isEqualTo(claimed.get(scope) + 1));
		assertThatExceptionOfType(StaleActivationException.class)
			.isThrownBy(() -> store.write("together:0", claimed.get("together:0"), "new.md", bytes("stale")));
		assertThat(store.claimAll(List.of())).isEmpty();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
