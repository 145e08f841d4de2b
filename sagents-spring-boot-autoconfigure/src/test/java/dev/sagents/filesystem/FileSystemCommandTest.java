package dev.sagents.filesystem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.sagents.filesystem.FileSystemCommand.Delete;
import dev.sagents.filesystem.FileSystemCommand.Flush;
import dev.sagents.filesystem.FileSystemCommand.ListFiles;
import dev.sagents.filesystem.FileSystemCommand.Move;
import dev.sagents.filesystem.FileSystemCommand.PersistDue;
import dev.sagents.filesystem.FileSystemCommand.Read;
import dev.sagents.filesystem.FileSystemCommand.Write;

import static org.assertj.core.api.Assertions.assertThat;

class FileSystemCommandTest {

	private final ManualClock clock = new ManualClock();

	private final RecordingPersistence persistence = new RecordingPersistence();

	private final FileSystemState state = new FileSystemState("project:7", this.persistence, 0,
			FileSystemSettings.defaults(), this.clock);

	@Test
	void eachCommandAppliesItselfAndRepliesAsTheStateDoes() {
		assertThat(new Write("a.md", bytes("hello")).applyTo(this.state)).isNull();
		assertThat(new Read("a.md").applyTo(this.state)).hasValueSatisfying(
				(content) -> assertThat(content).isEqualTo(bytes("hello")));
		assertThat(new Move("a.md", "b.md").applyTo(this.state)).isNull();
		assertThat(new ListFiles("").applyTo(this.state)).extracting(FileEntry::path).containsExactly("b.md");
		assertThat(new PersistDue().applyTo(this.state)).contains(FileSystemSettings.defaults().persistDebounce());

		this.clock.advance(Duration.ofSeconds(5));
		assertThat(new PersistDue().applyTo(this.state)).isEmpty();
		assertThat(this.persistence.stored()).containsOnlyKeys("b.md");

		assertThat(new Delete("b.md").applyTo(this.state)).isTrue();
		assertThat(new Delete("b.md").applyTo(this.state)).isFalse();
		assertThat(new Flush().applyTo(this.state)).isNull();
		assertThat(this.persistence.stored()).isEmpty();
		assertThat(new Read("b.md").applyTo(this.state)).isEqualTo(Optional.empty());
	}

	@Test
	void writesAreEqualWhenTheirPathAndContentBytesAre() {
		Write write = new Write("a.md", bytes("same"));

		assertThat(write).isEqualTo(new Write("a.md", bytes("same"))).hasSameHashCodeAs(new Write("a.md", bytes("same")));
		assertThat(write).isNotEqualTo(new Write("a.md", bytes("other"))).isNotEqualTo(new Write("b.md", bytes("same")));
		assertThat(write).hasToString("Write[path=a.md, content=4 bytes]");
		assertThat(new Flush()).isEqualTo(new Flush());
	}

	@Test
	void aWriteIsNeverEqualToAnotherCommandOrNull() {
		Write write = new Write("a.md", bytes("same"));

		assertThat(write.equals(new Read("a.md"))).isFalse();
		assertThat(write.equals(null)).isFalse();
	}

	@Test
	void writesThatDifferInPathOrContentHashApart() {
		Write write = new Write("a.md", bytes("same"));

		assertThat(write).doesNotHaveSameHashCodeAs(new Write("a.md", bytes("other")))
			.doesNotHaveSameHashCodeAs(new Write("b.md", bytes("same")));
	}

	@Test
	void aWriteWithoutContentStillPrintsItself() {
		assertThat(new Write("a.md", null)).hasToString("Write[path=a.md, content=null]");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
