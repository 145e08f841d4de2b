package dev.sagents.filesystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FileSystemPathsTest {

	private static final int MAX_PATH_LENGTH = 64;

	@ParameterizedTest
	@ValueSource(strings = { "a", "notes/2026-11-27.md", "a/b/c/d.txt", ".hidden", "a/.config", "..a", "a..",
			"x/...", "spaced name/é ü 日本.md", "emoji-\uD83D\uDE00.txt", "meeting:7.md" })
	void acceptsRelativePathsWithinTheScope(String path) {
		assertThat(FileSystemPaths.requireValidPath("user:alice", path, MAX_PATH_LENGTH)).isEqualTo(path);
	}

	@ParameterizedTest
	@ValueSource(strings = { "../x", "a/../../x", "a/..", "..", "./a", "a/./b", ".", "/etc/passwd", "/",
			"C:\\x", "C:x", "c:/x", "a\\b", "..\\x", "a//b", "a/", "notes/", "a\u0000b", "a\nb", "a\u007fb",
			"a\u0085b", "broken-\uD83D.txt", "broken-\uDE00.txt" })
	void refusesPathsThatCouldEscapeOrAreMalformed(String path) {
		assertThatThrownBy(() -> FileSystemPaths.requireValidPath("user:alice", path, MAX_PATH_LENGTH))
			.isInstanceOf(InvalidPathException.class)
			.hasMessageContaining("Invalid path")
			.hasMessageContaining("'user:alice'");
	}

	@Test
	void refusesAnEmptyOrMissingPath() {
		assertThatThrownBy(() -> FileSystemPaths.requireValidPath("s", "", MAX_PATH_LENGTH))
			.isInstanceOf(InvalidPathException.class)
			.hasMessageContaining("empty");
		assertThatThrownBy(() -> FileSystemPaths.requireValidPath("s", null, MAX_PATH_LENGTH))
			.isInstanceOf(InvalidPathException.class);
	}

	@Test
	void refusesAPathOverTheLengthLimitAndAcceptsOneAtIt() {
		String atLimit = "a".repeat(MAX_PATH_LENGTH);
		assertThat(FileSystemPaths.requireValidPath("s", atLimit, MAX_PATH_LENGTH)).isEqualTo(atLimit);
		assertThatThrownBy(() -> FileSystemPaths.requireValidPath("s", atLimit + "b", MAX_PATH_LENGTH))
			.isInstanceOf(InvalidPathException.class)
			.hasMessageContaining("more than the limit of 64");
	}

	@Test
	void namesTheBrokenRuleInTheMessage() {
		assertThat(reasonFor("../x")).contains("'..' segment");
		assertThat(reasonFor("/etc/passwd")).contains("absolute");
		assertThat(reasonFor("C:x")).contains("drive letter");
		assertThat(reasonFor("a\\b")).contains("backslash");
		assertThat(reasonFor("a//b")).contains("empty segment");
		assertThat(reasonFor("a/")).contains("ends with '/'");
		assertThat(reasonFor("a\u0000b")).contains("control character");
	}

	@Test
	void theRefusalCarriesTheScopePathAndReasonForACallerToReport() {
		InvalidPathException refused = catchThrowableOfType(InvalidPathException.class,
				() -> FileSystemPaths.requireValidPath("user:alice", "a/../b", MAX_PATH_LENGTH));

		assertThat(refused.scope()).isEqualTo("user:alice");
		assertThat(refused.path()).isEqualTo("a/../b");
		assertThat(refused.reason()).isEqualTo("the path has a '..' segment");
	}

	@ParameterizedTest
	@CsvSource({ "ab\uD83D, 2", "\uD83Dab, 0", "ab\uD83D\uD83D\uDE00, 2", "\uD83D\uDE00\uDE00, 2" })
	void namesWhereAHalfOfAUtf16PairStandsAloneEvenAtTheEnd(String path, int index) {
		assertThat(reasonFor(path)).endsWith("the path holds a broken UTF-16 character at index " + index);
	}

	@Test
	void refusesAPrefixThatEndsInHalfAUtf16Pair() {
		assertThatThrownBy(() -> FileSystemPaths.requireValidPrefix("s", "notes/\uD83D", MAX_PATH_LENGTH))
			.isInstanceOf(InvalidPathException.class)
			.hasMessageEndingWith("the prefix holds a broken UTF-16 character at index 6");
	}

	@ParameterizedTest
	@ValueSource(strings = { "A:x", "Z:x", "a:x", "z:x", "C:", "d:notes/a.md" })
	void refusesAPathThatStartsWithADriveLetterOfEitherCase(String path) {
		assertThat(reasonFor(path)).endsWith("the path starts with a drive letter");
	}

	@ParameterizedTest
	@ValueSource(strings = { "@:x", "[:x", "`:x", "{:x", "0:x", "9:x", "_:x", ":x", "ab:x" })
	void acceptsAColonAfterAnythingButOneLeadingLetter(String path) {
		assertThat(FileSystemPaths.requireValidPath("s", path, MAX_PATH_LENGTH)).isEqualTo(path);
	}

	@Test
	void acceptsPrefixesThatEndInAFolderOrMidSegment() {
		assertThat(FileSystemPaths.requireValidPrefix("s", null, MAX_PATH_LENGTH)).isEmpty();
		assertThat(FileSystemPaths.requireValidPrefix("s", "", MAX_PATH_LENGTH)).isEmpty();
		assertThat(FileSystemPaths.requireValidPrefix("s", "notes/", MAX_PATH_LENGTH)).isEqualTo("notes/");
		assertThat(FileSystemPaths.requireValidPrefix("s", "notes/2026-", MAX_PATH_LENGTH)).isEqualTo("notes/2026-");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/etc", "C:", "a\\", "a\u0000" })
	void refusesPrefixesNoPathCouldStartWith(String prefix) {
		assertThatThrownBy(() -> FileSystemPaths.requireValidPrefix("s", prefix, MAX_PATH_LENGTH))
			.isInstanceOf(InvalidPathException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "user:alice", "project:7", "a", "A-Z_a.z:0-9" })
	void acceptsScopesOfTheAgentIdAlphabet(String scope) {
		assertThat(FileSystemPaths.isValidScope(scope)).isTrue();
		assertThat(FileSystemPaths.requireValidScope(scope)).isEqualTo(scope);
	}

	@Test
	void refusesScopesOutsideTheAgentIdAlphabet() {
		for (String scope : new String[] { "", "user/alice", "../x", "user alice", "é", "a".repeat(129) }) {
			assertThatThrownBy(() -> FileSystemPaths.requireValidScope(scope)).hasMessageContaining("Invalid file-system scope")
				.isInstanceOfSatisfying(InvalidScopeException.class, (refused) -> assertThat(refused.scope()).isEqualTo(scope));
		}
		assertThatThrownBy(() -> FileSystemPaths.requireValidScope(null)).isExactlyInstanceOf(IllegalArgumentException.class)
			.hasMessage("'scope' must not be null");
	}

	private static String reasonFor(String path) {
		Throwable thrown = catchThrowable(() -> FileSystemPaths.requireValidPath("s", path, MAX_PATH_LENGTH));
		assertThat(thrown).isInstanceOf(InvalidPathException.class);
		return thrown.getMessage();
	}

}
