package dev.sagents.filesystem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sagents.supervisor.RestartIntensity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class FileSystemStateTest {

	private static final Duration DEBOUNCE = Duration.ofSeconds(5);

	private static final FileSystemSettings SETTINGS = new FileSystemSettings(DEBOUNCE, 16, 64, Duration.ofSeconds(30),
			RestartIntensity.defaults());

	private final ManualClock clock = new ManualClock();

	private final RecordingPersistence persistence = new RecordingPersistence();

	private final FileSystemState state = new FileSystemState("user:alice", this.persistence, 0, SETTINGS, this.clock);

	@Test
	void aWriteIsReadableAtOnceAndPersistedOnlyWhenItsDebounceHasPassed() {
		this.state.write("notes/a.md", bytes("hello"));

		assertThat(text(this.state.read("notes/a.md").orElseThrow())).isEqualTo("hello");
		assertThat(this.state.list("")).singleElement().satisfies((entry) -> {
			assertThat(entry.path()).isEqualTo("notes/a.md");
			assertThat(entry.size()).isEqualTo(5);
			assertThat(entry.modified()).isEqualTo(this.clock.instant());
			assertThat(entry.persisted()).isFalse();
		});
		assertThat(this.state.nextDueIn()).contains(DEBOUNCE);

		this.clock.advance(DEBOUNCE.minusMillis(1));
		assertThat(this.state.persistDue()).contains(Duration.ofMillis(1));
		assertThat(this.persistence.stored()).isEmpty();

		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.state.persistDue()).isEmpty();
		assertThat(text(this.persistence.stored().get("notes/a.md"))).isEqualTo("hello");
		assertThat(this.state.list("")).singleElement().satisfies((entry) -> assertThat(entry.persisted()).isTrue());
	}

	@Test
	void theChangesOneActivationCouldNotPersistAreMadeByAnotherInTheirOrderAndPersistedByIt() {
		this.state.write("a.md", bytes("a"));
		this.state.write("b.md", bytes("b"));
		this.state.move("a.md", "c.md");
		this.state.delete("b.md");
		this.state.write("b.md/inside.md", bytes("in"));
		List<FileSystemState.Change> changes = this.state.takePending();
		assertThat(this.state.nextDueIn()).as("nothing left to persist here").isEmpty();

		RecordingPersistence other = new RecordingPersistence();
		// What the newer activation found persisted, the files the stale one deleted among them.
		other.preload("a.md", bytes("a"));
		other.preload("b.md", bytes("b"));
		other.preload("d.md", bytes("newer"));
		FileSystemState current = new FileSystemState("user:alice", other, 0, SETTINGS, this.clock);
		current.reindex();
		current.write("c.md/x.md", bytes("in the way"));
		current.replay(changes);
		current.flushAll();

		assertThat(other.calls()).as("c.md, now a folder, refused; the rest in the order made")
			.containsExactly("list", "write c.md/x.md", "delete a.md", "delete b.md", "write b.md/inside.md");
		assertThat(current.list("")).extracting(FileEntry::path).containsExactly("b.md/inside.md", "c.md/x.md", "d.md");
		assertThat(this.persistence.calls()).isEmpty();
	}

	@Test
	void anOverdueChangeIsDueNowNotInThePast() {
		this.state.write("a.md", bytes("a"));
		this.clock.advance(DEBOUNCE.plusSeconds(2));

		assertThat(this.state.nextDueIn()).contains(Duration.ZERO);
	}

	@Test
	void eachWriteOfAPathPostponesItsPersistence() {
		this.state.write("a.md", bytes("one"));
		this.clock.advance(Duration.ofSeconds(3));
		this.state.write("a.md", bytes("two"));
		this.clock.advance(Duration.ofSeconds(3));

		assertThat(this.state.persistDue()).contains(Duration.ofSeconds(2));
		assertThat(this.persistence.stored()).isEmpty();

		this.clock.advance(Duration.ofSeconds(2));
		this.state.persistDue();
		assertThat(this.persistence.calls()).containsExactly("write a.md");
		assertThat(text(this.persistence.stored().get("a.md"))).isEqualTo("two");
	}

	@Test
	void eachPathHasItsOwnDebounce() {
		this.state.write("a.md", bytes("a"));
		this.clock.advance(Duration.ofSeconds(3));
		this.state.write("b.md", bytes("b"));
		this.clock.advance(Duration.ofSeconds(2));

		assertThat(this.state.persistDue()).contains(Duration.ofSeconds(3));
		assertThat(this.persistence.stored()).containsOnlyKeys("a.md");
		assertThat(this.state.list("")).extracting(FileEntry::persisted).containsExactly(true, false);
	}

	@Test
	void aDeleteIsPersistedAfterTheDebounce() {
		this.persistence.preload("a.md", bytes("old"));
		this.state.reindex();

		assertThat(this.state.delete("a.md")).isTrue();
		assertThat(this.state.read("a.md")).isEmpty();
		assertThat(this.state.list("")).isEmpty();
		assertThat(this.persistence.stored()).containsOnlyKeys("a.md");

		this.clock.advance(DEBOUNCE);
		this.state.persistDue();
		assertThat(this.persistence.stored()).isEmpty();
	}

	@Test
	void deletingAMissingFileAnswersFalseAndPersistsNothing() {
		assertThat(this.state.delete("missing.md")).isFalse();
		assertThat(this.state.nextDueIn()).isEmpty();
	}

	@Test
	void aMoveIsPersistedAsADeleteOfTheSourceAndAWriteOfTheTarget() {
		this.persistence.preload("draft.md", bytes("text"));
		this.persistence.preload("final.md", bytes("older"));
		this.state.reindex();

		this.state.move("draft.md", "final.md");

		assertThat(this.state.read("draft.md")).isEmpty();
		assertThat(text(this.state.read("final.md").orElseThrow())).isEqualTo("text");
		assertThat(this.state.fileCount()).isEqualTo(1);
		this.clock.advance(DEBOUNCE);
		this.state.persistDue();
		assertThat(this.persistence.calls()).endsWith("delete draft.md", "write final.md");
		assertThat(this.persistence.stored()).containsOnlyKeys("final.md");
		assertThat(text(this.persistence.stored().get("final.md"))).isEqualTo("text");
	}

	@Test
	void movingAMissingFileIsRefusedAndChangesNothing() {
		this.state.write("kept.md", bytes("kept"));

		assertThatThrownBy(() -> this.state.move("missing.md", "kept.md")).isInstanceOf(FileNotFoundException.class)
			.hasMessageContaining("missing.md");
		assertThat(text(this.state.read("kept.md").orElseThrow())).isEqualTo("kept");
	}

	@Test
	void movingAnInvalidPathIsRefusedForThePathNotAsAMissingFile() {
		this.state.write("a.md", bytes("a"));

		assertThatThrownBy(() -> this.state.move("../a.md", "b.md")).isInstanceOf(InvalidPathException.class)
			.hasMessageContaining("'..' segment");
		assertThat(this.state.list("")).extracting(FileEntry::path).containsExactly("a.md");
	}

	@Test
	void movingAFileOntoItselfChangesNothing() {
		this.state.write("a.md", bytes("a"));
		this.state.flushAll();
		FileEntry before = this.state.list("").get(0);
		this.clock.advance(DEBOUNCE);

		this.state.move("a.md", "a.md");

		assertThat(this.state.list("")).containsExactly(before);
		assertThat(this.state.nextDueIn()).isEmpty();
		assertThat(this.persistence.calls()).containsExactly("write a.md");
	}

	@Test
	void movingAFileThatVanishedFromPersistenceIsRefusedAsMissingAndForgetsIt() {
		this.persistence.preload("draft.md", bytes("text"));
		this.state.reindex();
		this.persistence.stored().remove("draft.md");

		assertThatThrownBy(() -> this.state.move("draft.md", "final.md")).isInstanceOfSatisfying(FileNotFoundException.class, (missing) -> {
				assertThat(missing.scope()).isEqualTo("user:alice");
				assertThat(missing.path()).isEqualTo("draft.md");
			});
		assertThat(this.state.list("")).isEmpty();
		assertThat(this.state.nextDueIn()).isEmpty();
	}

	@Test
	void aFileCanMoveIntoAFolderOfItsOwnName() {
		this.state.write("a", bytes("x"));
		this.state.move("a", "a/b");
		this.state.move("a/b", "a");

		assertThat(this.state.list("")).extracting(FileEntry::path).containsExactly("a");
		this.state.flushAll();
		assertThat(this.persistence.stored()).containsOnlyKeys("a");
	}

	@Test
	void reindexingListsPersistedFilesWithoutLoadingThemAndReadLoadsOnce() {
		this.persistence.preload("notes/b.md", bytes("bee"));
		this.persistence.preload("notes/a.md", bytes("ay"));

		this.state.reindex();

		assertThat(this.state.list("")).extracting(FileEntry::path, FileEntry::size, FileEntry::persisted)
			.containsExactly(tuple("notes/a.md", 2L, true),
					tuple("notes/b.md", 3L, true));
		assertThat(this.persistence.calls()).containsExactly("list");

		assertThat(text(this.state.read("notes/a.md").orElseThrow())).isEqualTo("ay");
		assertThat(text(this.state.read("notes/a.md").orElseThrow())).isEqualTo("ay");
		assertThat(this.persistence.calls()).containsExactly("list", "read notes/a.md");
	}

	@Test
	void readingAnIndexedFileThatVanishedFromPersistenceFindsNothingAndForgetsIt() {
		this.persistence.preload("a.md", bytes("a"));
		this.persistence.preload("b.md", bytes("b"));
		this.state.reindex();
		this.persistence.stored().remove("a.md");

		assertThat(this.state.read("a.md")).isEmpty();
		assertThat(this.state.list("")).extracting(FileEntry::path).containsExactly("b.md");
		assertThat(this.state.nextDueIn()).isEmpty();
	}

	@Test
	void reindexingKeepsChangesThatAreStillPending() {
		this.persistence.preload("a.md", bytes("old"));
		this.persistence.preload("b.md", bytes("old"));
		this.state.reindex();
		this.state.write("a.md", bytes("new"));
		this.state.delete("b.md");

		this.state.reindex();

		assertThat(this.state.list("")).extracting(FileEntry::path).containsExactly("a.md");
		assertThat(text(this.state.read("a.md").orElseThrow())).isEqualTo("new");
	}

	@Test
	void aFileOverTheSizeLimitIsRefusedAndChangesNothing() {
		this.state.write("a.md", bytes("small"));
		this.state.flushAll();

		assertThatThrownBy(() -> this.state.write("a.md", new byte[17])).isInstanceOf(InvalidPathException.class)
			.hasMessageContaining("17 bytes, more than the limit of 16");
		assertThat(text(this.state.read("a.md").orElseThrow())).isEqualTo("small");
		assertThat(this.state.nextDueIn()).isEmpty();
		this.state.write("b.md", new byte[16]);
		assertThat(this.state.fileCount()).isEqualTo(2);
	}

	@Test
	void invalidRequestsChangeNothing() {
		this.state.write("a", bytes("file"));
		this.state.flushAll();

		assertThatThrownBy(() -> this.state.write("../x", bytes("x"))).isInstanceOf(InvalidPathException.class);
		assertThatThrownBy(() -> this.state.write("a/b", bytes("x"))).isInstanceOf(InvalidPathException.class)
			.hasMessageContaining("'a' is a file");
		assertThatThrownBy(() -> this.state.move("a", "/etc/passwd")).isInstanceOf(InvalidPathException.class);
		assertThatThrownBy(() -> this.state.delete("a/")).isInstanceOf(InvalidPathException.class);
		assertThatThrownBy(() -> this.state.read("C:\\a")).isInstanceOf(InvalidPathException.class);
		assertThatThrownBy(() -> this.state.list("/")).isInstanceOf(InvalidPathException.class);

		assertThat(this.state.list("")).extracting(FileEntry::path, FileEntry::persisted)
			.containsExactly(tuple("a", true));
		assertThat(this.state.nextDueIn()).isEmpty();
	}

	@Test
	void aPathCannotBeBothAFileAndAFolder() {
		this.state.write("notes/a.md", bytes("a"));
		this.state.write("top.md", bytes("t"));

		assertThatThrownBy(() -> this.state.write("notes", bytes("x"))).isInstanceOf(InvalidPathException.class)
			.hasMessageContaining("folder of 'notes/a.md'");
		assertThatThrownBy(() -> this.state.move("top.md", "notes")).isInstanceOf(InvalidPathException.class);
		assertThat(this.state.list("")).extracting(FileEntry::path).containsExactly("notes/a.md", "top.md");
	}

	@Test
	void aFailedPersistenceKeepsThePathPendingAndRetriesItLater() {
		this.persistence.failOn("a.md");
		this.state.write("a.md", bytes("a"));
		this.state.write("b.md", bytes("b"));
		this.clock.advance(DEBOUNCE);

		assertThat(this.state.persistDue()).contains(DEBOUNCE);
		assertThat(this.persistence.stored()).containsOnlyKeys("b.md");
		assertThat(this.state.list("")).extracting(FileEntry::path, FileEntry::persisted)
			.containsExactly(tuple("a.md", false),
					tuple("b.md", true));

		this.persistence.recover("a.md");
		this.clock.advance(DEBOUNCE);
		assertThat(this.state.persistDue()).isEmpty();
		assertThat(this.persistence.stored()).containsOnlyKeys("a.md", "b.md");
	}

	@Test
	void flushPersistsEveryPendingChangeWithoutWaiting() {
		this.state.write("a.md", bytes("a"));
		this.state.write("b.md", bytes("b"));
		this.state.delete("b.md");

		this.state.flushAll();

		assertThat(this.persistence.calls()).containsExactly("write a.md", "delete b.md");
		assertThat(this.state.nextDueIn()).isEmpty();
	}

	@Test
	void flushTriesEveryChangeAndNamesEveryFailure() {
		this.persistence.failOn("a.md");
		this.persistence.failOn("c.md");
		this.state.write("a.md", bytes("a"));
		this.state.write("b.md", bytes("b"));
		this.state.write("c.md", bytes("c"));

		assertThatThrownBy(this.state::flushAll).isInstanceOf(FileSystemException.class)
			.hasMessageContaining("Could not persist 2 path(s)")
			.hasMessageContaining("a.md, c.md")
			.satisfies((failure) -> assertThat(failure.getSuppressed()).hasSize(1));
		assertThat(this.persistence.stored()).containsOnlyKeys("b.md");
		assertThat(this.state.list("")).extracting(FileEntry::persisted).containsExactly(false, true, false);

		this.persistence.recover("a.md");
		this.persistence.recover("c.md");
		this.state.flushAll();
		assertThat(this.persistence.stored()).containsOnlyKeys("a.md", "b.md", "c.md");
	}

	@Test
	void contentIsCopiedInAndOut() {
		byte[] written = bytes("abc");
		this.state.write("a.md", written);
		written[0] = 'X';
		this.state.read("a.md").orElseThrow()[1] = 'Y';

		assertThat(text(this.state.read("a.md").orElseThrow())).isEqualTo("abc");
	}

	@Test
	void listingByPrefixReturnsTheMatchingFilesSortedByPath() {
		for (String path : List.of("notes/b.md", "todo.md", "notes/a.md", "notesx.md", "notes/sub/c.md")) {
			this.state.write(path, bytes(path));
		}

		assertThat(this.state.list("notes/")).extracting(FileEntry::path)
			.containsExactly("notes/a.md", "notes/b.md", "notes/sub/c.md");
		assertThat(this.state.list(null)).hasSize(5);
		assertThat(this.state.list("zzz")).isEmpty();
	}

	@Test
	void aStateKnowsItsScope() {
		assertThat(this.state.scope()).isEqualTo("user:alice");
	}

	@Test
	void aScopeOutsideTheAlphabetIsRefused() {
		assertThatThrownBy(() -> new FileSystemState("user/alice", this.persistence, 0, SETTINGS, this.clock))
			.isInstanceOf(InvalidScopeException.class);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
