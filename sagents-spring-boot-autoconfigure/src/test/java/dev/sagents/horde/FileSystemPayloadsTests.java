package dev.sagents.horde;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.sagents.filesystem.FileEntry;
import dev.sagents.filesystem.FileSystemCommand;
import dev.sagents.filesystem.FileSystemDetails;
import dev.sagents.filesystem.FileSystemState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * File-system commands and their replies between members: each arrives as it was sent, and only
 * the closed set of commands travels.
 */
class FileSystemPayloadsTests {

	private final FileSystemPayloads payloads = new FileSystemPayloads();

	@Test
	void everyCommandThatTravelsArrivesAsItWasSent() {
		assertThat(roundTrip(new FileSystemCommand.Read("notes/a.txt"))).isEqualTo(new FileSystemCommand.Read("notes/a.txt"));
		assertThat(roundTrip(new FileSystemCommand.ListFiles("notes/")))
			.isEqualTo(new FileSystemCommand.ListFiles("notes/"));
		assertThat(roundTrip(new FileSystemCommand.Delete("notes/a.txt")))
			.isEqualTo(new FileSystemCommand.Delete("notes/a.txt"));
		assertThat(roundTrip(new FileSystemCommand.Move("a.txt", "b.txt")))
			.isEqualTo(new FileSystemCommand.Move("a.txt", "b.txt"));
		assertThat(roundTrip(new FileSystemCommand.Flush())).isEqualTo(new FileSystemCommand.Flush());
		assertThat(roundTrip(new FileSystemCommand.Describe(100))).isEqualTo(new FileSystemCommand.Describe(100));
		FileSystemCommand.Write write = (FileSystemCommand.Write) roundTrip(
				new FileSystemCommand.Write("notes/a.txt", new byte[] { 1, 2, 3 }));
		assertThat(write.path()).isEqualTo("notes/a.txt");
		assertThat(write.content()).containsExactly(1, 2, 3);
		FileSystemCommand.Replay replay = new FileSystemCommand.Replay(List.of(
				new FileSystemState.Change("notes/a.txt", new byte[] { 1, 2 }), new FileSystemState.Change("old.txt", null)));
		assertThat(roundTrip(replay)).as("a write and a delete, in order").isEqualTo(replay);
	}

	@Test
	void aCommandThatStaysOnItsNodeDoesNotTravel() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.payloads.encodeMessage(new FileSystemCommand.PersistDue()))
			.withMessageStartingWith("Not a file-system command that travels");
	}

	@Test
	void aCommandOfAKindThisVersionDoesNotKnowIsRefused() {
		byte[] unknown = new Wire.Writer().writeByte(99).toBytes();
		assertThatIllegalArgumentException().isThrownBy(() -> this.payloads.decodeMessage(unknown))
			.withMessage("Unknown file-system command");
	}

	@Test
	void aReadFileArrivesWithItsContentAndAMissingOneAsEmpty() {
		FileSystemCommand.Read read = new FileSystemCommand.Read("a.txt");
		Optional<?> found = (Optional<?>) replyRoundTrip(read, Optional.of(new byte[] { 4, 5 }));
		assertThat(found).get().isEqualTo(new byte[] { 4, 5 });
		assertThat(replyRoundTrip(read, Optional.empty())).isEqualTo(Optional.empty());
	}

	@Test
	void aListingArrivesWithEveryEntryAsItWas() {
		List<FileEntry> entries = List.of(new FileEntry("a.txt", 12, Instant.parse("2026-11-27T09:15:30.123456789Z"), true),
				new FileEntry("b.txt", 0, Instant.parse("2026-11-28T00:00:00Z"), false));
		FileSystemCommand.ListFiles list = new FileSystemCommand.ListFiles("");
		assertThat(replyRoundTrip(list, entries)).isEqualTo(entries);
		assertThat(replyRoundTrip(list, List.of())).isEqualTo(List.of());
	}

	@Test
	void aDescriptionArrivesWithItsEpochCountsAndPaths() {
		FileSystemCommand.Describe describe = new FileSystemCommand.Describe(2);
		FileSystemDetails details = new FileSystemDetails(7, 3, 5_000_000_000L, List.of("a.txt", "notes/b.md"));
		assertThat(replyRoundTrip(describe, details)).isEqualTo(details);
		FileSystemDetails empty = new FileSystemDetails(0, 0, 0, List.of());
		assertThat(replyRoundTrip(describe, empty)).isEqualTo(empty);
	}

	@Test
	void aDeleteTellsWhetherTheFileWasThere() {
		FileSystemCommand.Delete delete = new FileSystemCommand.Delete("a.txt");
		assertThat(replyRoundTrip(delete, true)).isEqualTo(true);
		assertThat(replyRoundTrip(delete, false)).isEqualTo(false);
	}

	@Test
	void commandsWithoutAReplyGetNone() {
		FileSystemCommand.Write write = new FileSystemCommand.Write("a.txt", new byte[] { 1 });
		byte[] reply = this.payloads.encodeReply(write, null);
		assertThat(reply).isEmpty();
		assertThat(this.payloads.decodeReply(write, reply)).isNull();
	}

	private Object roundTrip(FileSystemCommand<?> command) {
		return this.payloads.decodeMessage(this.payloads.encodeMessage(command));
	}

	private Object replyRoundTrip(FileSystemCommand<?> command, Object reply) {
		return this.payloads.decodeReply(command, this.payloads.encodeReply(command, reply));
	}

}
