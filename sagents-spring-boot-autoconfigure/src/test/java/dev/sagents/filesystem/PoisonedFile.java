package dev.sagents.filesystem;

import java.nio.charset.StandardCharsets;

import dev.sagents.process.ProcessFailedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A file system that crashes on request, as one whose persistence has a bug: its persistence
 * holds {@value #PATH}, and reading that file throws an unchecked exception. Each read crashes the
 * file system; the restart indexes the file again, so the next read crashes it again.
 */
public final class PoisonedFile {

	/** The file whose read crashes the file system. */
	public static final String PATH = "poison.md";

	private PoisonedFile() {
	}

	/** Persistence holding {@value #PATH}, for a test whose file systems all share one scope. */
	public static FileSystemPersistence persistence() {
		RecordingPersistence persistence = new RecordingPersistence();
		persistence.preload(PATH, "never read".getBytes(StandardCharsets.UTF_8));
		persistence.crashOn(PATH);
		return persistence;
	}

	/** Crashes {@code fs} once; the request fails with the crash, wherever the file system runs. */
	public static void crash(FileSystemRef fs) {
		assertThatThrownBy(() -> fs.read(PATH)).isInstanceOf(ProcessFailedException.class)
			.rootCause()
			.hasMessageEndingWith("bug in the backend while reading " + PATH);
	}

	/** Checks that {@code fs} serves: restarted, it indexed its files anew. */
	public static void serves(FileSystemRef fs) {
		assertThat(fs.list()).extracting(FileEntry::path).containsExactly(PATH);
	}

}
