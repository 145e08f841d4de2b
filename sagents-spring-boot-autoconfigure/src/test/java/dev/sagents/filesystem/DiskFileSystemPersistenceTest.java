package dev.sagents.filesystem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.io.TempDir;

import dev.sagents.filesystem.FileSystemPersistence.StoredFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class DiskFileSystemPersistenceTest {

	@TempDir
	Path base;

	@TempDir
	Path outside;

	private DiskFileSystemPersistence persistence;

	@BeforeEach
	void createPersistence() {
		this.persistence = new DiskFileSystemPersistence(this.base.resolve("files"));
	}

	@Test
	void writtenFilesAreReadListedAndDeleted() throws IOException {
		this.persistence.write("user:alice", "notes/a.md", bytes("hello"));
		this.persistence.write("user:alice", "top.md", bytes("top"));
		this.persistence.write("user:alice", "top.md", bytes("replaced"));

		assertThat(text(this.persistence.read("user:alice", "notes/a.md").orElseThrow())).isEqualTo("hello");
		assertThat(text(this.persistence.read("user:alice", "top.md").orElseThrow())).isEqualTo("replaced");
		assertThat(this.persistence.read("user:alice", "missing.md")).isEmpty();
		assertThat(this.persistence.read("user:alice", "notes")).isEmpty();
		assertThat(this.persistence.list("user:alice")).extracting(StoredFile::path, StoredFile::size)
			.containsExactlyInAnyOrder(tuple("notes/a.md", 5L), tuple("top.md", 8L));
		assertThat(Files.readString(this.base.resolve("files/user%3Aalice/notes/a.md"))).isEqualTo("hello");

		this.persistence.delete("user:alice", "top.md");
		this.persistence.delete("user:alice", "missing.md");
		assertThat(this.persistence.list("user:alice")).extracting(StoredFile::path).containsExactly("notes/a.md");
	}

	@Test
	void aScopeNeverWrittenListsNothing() throws IOException {
		assertThat(this.persistence.list("project:7")).isEmpty();
	}

	@Test
	void eachScopeHasADirectoryOfItsOwn() throws IOException {
		List<String> scopes = List.of("user:alice", "user:Alice", "user%3Aalice".replace("%", "."), ".", "..", "...",
				".staging", "a.b", "a:b");
		for (String scope : scopes) {
			this.persistence.write(scope, "owner.txt", bytes(scope));
		}

		for (String scope : scopes) {
			assertThat(text(this.persistence.read(scope, "owner.txt").orElseThrow())).isEqualTo(scope);
			assertThat(this.persistence.list(scope)).extracting(StoredFile::path).containsExactly("owner.txt");
		}
		try (Stream<Path> directories = Files.list(this.base.resolve("files"))) {
			assertThat(directories.map((directory) -> directory.getFileName().toString().toLowerCase()))
				.doesNotHaveDuplicates()
				.doesNotContain(".", "..")
				.hasSize(scopes.size() + 1);
		}
		assertThat(this.base.resolve("files/%2E.")).isDirectory();
		assertThat(Files.exists(this.outside.resolve("owner.txt"))).isFalse();
	}

	@Test
	void aScopeDirectoryKeepsLowercaseLettersDigitsDotsUnderscoresAndDashesAndEncodesTheRest() throws IOException {
		this.persistence.write("a.z-0_9:AZ", "owner.txt", bytes("mixed"));

		assertThat(this.base.resolve("files/a.z-0_9%3A%41%5A/owner.txt")).hasContent("mixed");
	}

	@Test
	void deletingAFolderDeletesNothing() throws IOException {
		this.persistence.write("user:alice", "notes/a.md", bytes("kept"));

		this.persistence.delete("user:alice", "notes");

		assertThat(this.persistence.list("user:alice")).extracting(StoredFile::path).containsExactly("notes/a.md");
	}

	@Test
	void anInvalidScopeOrPathIsRefused() {
		assertThatThrownBy(() -> this.persistence.write("../up", "a.md", bytes("x")))
			.isInstanceOf(InvalidScopeException.class);
		assertThatThrownBy(() -> this.persistence.write("user:alice", "../../up.md", bytes("x")))
			.isInstanceOf(InvalidPathException.class);
		assertThat(this.base.resolve("up.md")).doesNotExist();
	}

	@Test
	void aWriteLeavesNoTemporaryFileAndReplacesWhole() throws IOException {
		for (int i = 0; i < 5; i++) {
			this.persistence.write("user:alice", "a.md", bytes("version " + i));
		}

		assertThat(allRegularFiles()).containsExactly(this.base.resolve("files/user%3Aalice/a.md"));
		assertThat(text(this.persistence.read("user:alice", "a.md").orElseThrow())).isEqualTo("version 4");
	}

	@Test
	void deletingTheLastFileOfAFolderRemovesTheEmptyFolders() throws IOException {
		this.persistence.write("user:alice", "a/b/c/deep.md", bytes("deep"));
		this.persistence.write("user:alice", "a/kept.md", bytes("kept"));

		this.persistence.delete("user:alice", "a/b/c/deep.md");

		Path scopeDirectory = this.base.resolve("files/user%3Aalice");
		assertThat(scopeDirectory.resolve("a/b")).doesNotExist();
		assertThat(scopeDirectory.resolve("a/kept.md")).isRegularFile();

		this.persistence.delete("user:alice", "a/kept.md");
		assertThat(scopeDirectory.resolve("a")).doesNotExist();
		assertThat(scopeDirectory).isDirectory();
	}

	@Test
	void aLinkPlantedInTheScopeIsNeverFollowed() throws IOException {
		Path secret = Files.writeString(this.outside.resolve("secret.txt"), "secret");
		this.persistence.write("user:alice", "real.md", bytes("real"));
		Path scopeDirectory = this.base.resolve("files/user%3Aalice");
		Files.createSymbolicLink(scopeDirectory.resolve("escape"), this.outside);
		Files.createSymbolicLink(scopeDirectory.resolve("secret-link.txt"), secret);

		assertRefusedAsLink(() -> this.persistence.read("user:alice", "escape/secret.txt"));
		assertRefusedAsLink(() -> this.persistence.read("user:alice", "secret-link.txt"));
		assertRefusedAsLink(() -> this.persistence.write("user:alice", "escape/planted.txt", bytes("x")));
		assertRefusedAsLink(() -> this.persistence.write("user:alice", "secret-link.txt", bytes("overwritten")));
		assertRefusedAsLink(() -> this.persistence.delete("user:alice", "escape/secret.txt"));
		assertRefusedAsLink(() -> this.persistence.delete("user:alice", "secret-link.txt"));

		assertThat(this.persistence.list("user:alice")).extracting(StoredFile::path).containsExactly("real.md");
		assertThat(secret).hasContent("secret");
		assertThat(this.outside.resolve("planted.txt")).doesNotExist();
	}

	@Test
	void aScopeDirectoryThatIsALinkIsNeverFollowed() throws IOException {
		Files.writeString(this.outside.resolve("secret.txt"), "secret");
		Files.createDirectories(this.base.resolve("files"));
		Files.createSymbolicLink(this.base.resolve("files/user%3Aalice"), this.outside);

		assertRefusedAsLink(() -> this.persistence.read("user:alice", "secret.txt"));
		assertRefusedAsLink(() -> this.persistence.write("user:alice", "planted.txt", bytes("x")));
		assertThat(this.persistence.list("user:alice")).isEmpty();
		assertThat(this.outside.resolve("planted.txt")).doesNotExist();
	}

	@Test
	void aStagingFolderThatIsALinkIsNeverWrittenThrough() throws IOException {
		Files.createDirectories(this.base.resolve("files"));
		Files.createSymbolicLink(this.base.resolve("files/.staging"), this.outside);

		assertRefusedAsLink(() -> this.persistence.write("user:alice", "a.md", bytes("x")));
		try (Stream<Path> planted = Files.list(this.outside)) {
			assertThat(planted).isEmpty();
		}
	}

	@Test
	void aStateOverDiskSurvivesARestart() {
		ManualClock clock = new ManualClock();
		FileSystemState before = new FileSystemState("user:alice", this.persistence, 0, FileSystemSettings.defaults(), clock);
		before.write("notes/a.md", bytes("remembered"));
		before.write("notes/gone.md", bytes("gone"));
		before.move("notes/gone.md", "moved.md");
		before.flushAll();

		FileSystemState after = new FileSystemState("user:alice", this.persistence, 0, FileSystemSettings.defaults(), clock);
		after.reindex();

		assertThat(after.list("")).extracting(FileEntry::path).containsExactly("moved.md", "notes/a.md");
		assertThat(text(after.read("notes/a.md").orElseThrow())).isEqualTo("remembered");
	}

	private List<Path> allRegularFiles() throws IOException {
		try (Stream<Path> files = Files.walk(this.base)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	private static void assertRefusedAsLink(ThrowingCallable call) {
		assertThatThrownBy(call).isInstanceOf(InvalidPathException.class).hasMessageContaining("goes through a link");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
