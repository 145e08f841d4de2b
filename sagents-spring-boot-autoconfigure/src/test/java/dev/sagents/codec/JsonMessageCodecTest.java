package dev.sagents.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import dev.sagents.agent.AgentEvent;
import dev.sagents.agent.AgentInfo;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentStatus;
import dev.sagents.codec.notes.Attachment;
import dev.sagents.codec.notes.Note;
import dev.sagents.codec.notes.Notebook;
import dev.sagents.codec.notes.Priority;
import dev.sagents.filesystem.FileEntry;
import dev.sagents.filesystem.FileSystemCommand;
import dev.sagents.process.ProcessKey;
import dev.sagents.supervisor.ExitReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JsonMessageCodecTest {

	private static final Instant CREATED = Instant.parse("2026-11-27T09:15:30.123Z");

	private final RecordingClassLoader classLoader = new RecordingClassLoader();

	private final JsonMessageCodec codec = new JsonMessageCodec(JsonMapper.builder().build(),
			new TrustedTypes(List.of("dev.sagents.codec.notes"), List.of(), this.classLoader));

	@Test
	void roundTripsStringsNumbersAndOtherBasicValuesUnderTheirOwnType() {
		List<Object> values = List.of("hello", 42, 42L, (short) 7, (byte) 7, 1.5d, 2.5f, true, 'x',
				new BigDecimal("12.50"), new BigInteger("123456789012345678901234567890"), UUID.randomUUID(),
				CREATED, Duration.ofMillis(1500), LocalDate.of(2026, 11, 27), bytes("raw"));

		for (Object value : values) {
			EncodedValue encoded = this.codec.encode(value);

			assertThat(encoded.type()).isEqualTo(value.getClass().getName());
			assertThat(this.codec.decode(encoded)).isEqualTo(value);
		}
	}

	@Test
	void roundTripsRecordsWithNestedRecordsCollectionsEnumsAndBytes() {
		Note first = new Note("Groceries", List.of("home", "weekly"), new Attachment("list.txt", bytes("milk")),
				Priority.HIGH, CREATED);
		Note second = new Note("Taxes", List.of(), null, Priority.LOW, CREATED.plusSeconds(60));
		Notebook notebook = new Notebook("alice", List.of(first, second), Map.of("top", first));

		Object decoded = this.codec.decode(this.codec.encode(notebook));

		assertThat(decoded).isInstanceOf(Notebook.class).usingRecursiveComparison().isEqualTo(notebook);
		assertThat(((Notebook) decoded).notes().get(0).attachment().content()).isEqualTo(bytes("milk"));
	}

	@Test
	void encodesAnEnumConstantWithABodyAsItsEnum() {
		EncodedValue encoded = this.codec.encode(Priority.HIGH);

		assertThat(Priority.HIGH.getClass()).isNotEqualTo(Priority.class);
		assertThat(encoded.type()).isEqualTo(Priority.class.getName());
		assertThat(this.codec.decode(encoded)).isSameAs(Priority.HIGH);
	}

	@Test
	void roundTripsFileSystemCommandsAsEqualRecords() {
		List<FileSystemCommand<?>> commands = List.of(new FileSystemCommand.Write("notes/a.md", bytes("# Title")),
				new FileSystemCommand.Read("notes/a.md"), new FileSystemCommand.ListFiles("notes/"),
				new FileSystemCommand.Delete("notes/a.md"), new FileSystemCommand.Move("a.md", "b.md"),
				new FileSystemCommand.Flush(), new FileSystemCommand.PersistDue());

		for (FileSystemCommand<?> command : commands) {
			assertThat(this.codec.decode(this.codec.encode(command))).isEqualTo(command);
		}
		assertThat(this.codec.encode(commands.get(0)).type())
			.isEqualTo("dev.sagents.filesystem.FileSystemCommand$Write");
	}

	@Test
	void roundTripsTheLibrarysOtherValues() {
		List<Object> values = List.of(new FileEntry("notes/a.md", 7, CREATED, false),
				new AgentSpec("agent-1", "notes", "user:alice", Map.of("model", "small")), AgentSpec.of("agent-2"),
				new AgentInfo("agent-1", "node-a", AgentStatus.RUNNING, "notes", null),
				new AgentEvent.StatusChanged("agent-1", CREATED, AgentStatus.IDLE, AgentStatus.RUNNING),
				new AgentEvent.Started("agent-1", CREATED, "node-a"),
				new AgentEvent.Shutdown("agent-1", CREATED, ExitReason.INACTIVITY), ExitReason.RESTART_LIMIT,
				ProcessKey.fileSystem("user:alice"));

		for (Object value : values) {
			assertThat(this.codec.decode(this.codec.encode(value))).isEqualTo(value);
		}
	}

	@Test
	void refusesRecordsWithComponentsDeclaredAsObjectWhichWouldArriveAsJsonStructures() {
		Note reply = new Note("Done", List.of("x"), null, Priority.LOW, CREATED);

		assertThatExceptionOfType(MessageEncodingException.class)
			.isThrownBy(() -> this.codec.encode(new AgentEvent.Replied("agent-1", CREATED, reply)))
			.withMessageContaining("component 'reply'")
			.withMessageContaining("declared as Object");
	}

	@Test
	void encodesNullAsTheNullTypeWithNoDataAndLetsItPassTheCheck() {
		EncodedValue encoded = this.codec.encode(null);

		assertThat(encoded.type()).isEqualTo("null");
		assertThat(encoded.data()).isEmpty();
		assertThat(this.codec.decode(encoded)).isNull();
		assertThat(this.codec.decode(encoded.data(), Note.class)).isNull();
		assertThat(this.codec.decode(null, Note.class)).isNull();
		this.codec.check(null);
	}

	@Test
	void decodesAClassTheCallerNamesEvenIfItIsNotTrustedButNeverEncodesOne() {
		Receipt receipt = new Receipt("r-1", List.of(new Attachment("a", bytes("b"))));
		EncodedValue encoded = new EncodedValue(Receipt.class.getName(),
				JsonMapper.builder().build().writeValueAsBytes(receipt));

		assertThat(this.codec.decode(encoded.data(), Receipt.class)).usingRecursiveComparison().isEqualTo(receipt);
		assertThatExceptionOfType(UntrustedTypeException.class).isThrownBy(() -> this.codec.decode(encoded));
		assertThatExceptionOfType(MessageEncodingException.class).isThrownBy(() -> this.codec.encode(receipt))
			.withMessageContaining("it is not trusted");
	}

	@Test
	void encodesTopLevelCollectionsMapsAndOptionalsWithTheTypeOfTheirElements() {
		Note note = new Note("t", List.of(), null, Priority.LOW, CREATED);
		List<Object> values = List.of(List.of(note), new ArrayList<>(List.of(note)), Set.of(note), Map.of("k", note),
				Optional.of(note));

		for (Object value : values) {
			EncodedValue encoded = this.codec.encode(value);

			assertThat(encoded.type()).endsWith(Note.class.getName() + ">");
			assertThat(this.codec.decode(encoded)).isEqualTo(value);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "java.lang.Runtime", "javax.script.ScriptEngineManager",
			"dev.sagents.codec.notesevil.Gadget", "[Ljava.lang.Object;", "dev.sagents.codec.notes/Note",
			"dev.sagents.codec.notes.No te" })
	void refusesUntrustedTypesWithoutLoadingOrInitializingThem(String typeName) {
		EncodedValue hostile = new EncodedValue(typeName, "{}".getBytes(StandardCharsets.UTF_8));

		assertThatExceptionOfType(UntrustedTypeException.class).isThrownBy(() -> this.codec.decode(hostile))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(typeName));
		assertThat(this.classLoader.requested()).isEmpty();
		assertThat(InitializedClasses.contains("dev.sagents.codec.notesevil.Gadget")).isFalse();
	}

	@ParameterizedTest
	@MethodSource("malformedJson")
	void failsToDecodeMalformedJsonOfATrustedTypeSayingWhereWithoutQuotingIt(String json, String reason) {
		EncodedValue malformed = new EncodedValue(Note.class.getName(), json.getBytes(StandardCharsets.UTF_8));

		assertThatExceptionOfType(MessageDecodingException.class).isThrownBy(() -> this.codec.decode(malformed))
			.withMessage("Could not decode a value of type '" + Note.class.getName() + "': " + reason)
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(Note.class.getName()));
	}

	/**
	 * Malformed JSON of a note, and what the error says: the field and the byte offset where known;
	 * a number past the parser's length limit is refused with no location at all.
	 */
	static Stream<Arguments> malformedJson() {
		return Stream.of(Arguments.of("{\"title\": secret-token", "StreamReadException (byte 10)"),
				Arguments.of("[\"secret-token\"]", "MismatchedInputException (byte 0)"),
				Arguments.of("{\"created\": \"secret-token\"}",
						"InvalidFormatException at dev.sagents.codec.notes.Note[\"created\"] (byte 12)"),
				Arguments.of("secret-token", "StreamReadException (byte 0)"),
				Arguments.of("  ", "MismatchedInputException"),
				Arguments.of("{\"created\": " + "9".repeat(1001) + "}", "StreamConstraintsException"));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A reply type outside the trusted packages.
	 *
	 * @param id its id
	 * @param attachments what came with it
	 */
	record Receipt(String id, List<Attachment> attachments) {
	}

}
