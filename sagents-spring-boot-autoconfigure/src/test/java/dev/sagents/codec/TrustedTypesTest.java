package dev.sagents.codec;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.sagents.codec.notes.Note;
import dev.sagents.codec.notes.StaticInitializerProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrustedTypesTest {

	private final RecordingClassLoader classLoader = new RecordingClassLoader();

	private final TrustedTypes trustedTypes = new TrustedTypes(List.of("dev.sagents.codec.notes"), List.of(),
			this.classLoader);

	@ParameterizedTest
	@ValueSource(strings = { "java.lang.String", "java.lang.Integer", "java.lang.Character", "[B",
			"java.math.BigDecimal", "java.util.UUID", "java.time.Instant", "java.time.Duration",
			"java.time.LocalDate", "dev.sagents.filesystem.FileSystemCommand$Write",
			"dev.sagents.filesystem.FileSystemCommand$PersistDue", "dev.sagents.filesystem.FileEntry",
			"dev.sagents.agent.AgentEvent$Replied", "dev.sagents.agent.AgentSpec", "dev.sagents.agent.AgentStatus",
			"dev.sagents.supervisor.ExitReason", "dev.sagents.process.ProcessKey" })
	void trustsTheBasicValuesAndTheLibrarysOwnWithoutAnyPackage(String typeName) {
		TrustedTypes nothingElse = new TrustedTypes(List.of(), List.of(), this.classLoader);

		assertThat(nothingElse.isTrusted(typeName)).isTrue();
		assertThat(nothingElse.resolve(typeName).getName()).isEqualTo(typeName);
		assertThat(this.classLoader.requested()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev.sagents.codec.notes.Note", "dev.sagents.codec.notes.v2.Note",
			"dev.sagents.codec.notes.Outer$Inner" })
	void trustsEveryClassUnderATrustedPackage(String typeName) {
		assertThat(this.trustedTypes.isTrusted(typeName)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev.sagents.codec.notesevil.Gadget", "dev.sagents.codec.notes",
			"dev.sagents.codec.Note", "dev.sagents.SagentsException", "java.lang.Runtime",
			"javax.script.ScriptEngineManager", "java.util.ArrayList", "java.lang.Object", "int", "[I",
			"[Ljava.lang.Object;", "[Ldev.sagents.codec.notes.Note;", "dev.sagents.codec.notes.",
			"dev.sagents.codec.notes..Note", "dev.sagents.codec.notes/Note", "dev/sagents/codec/notes/Note",
			"dev.sagents.codec.notes.Note ", " dev.sagents.codec.notes.Note", "dev.sagents.codec.notes.No te",
			"dev.sagents.codec.notes.Note;", "dev.sagents.codec.notes.\u0000Note", "dev.sagents.codec.notes.1Note",
			"dev.sagents.codec.notes.No\u0000te", "dev.sagents.codec.notes.Note\u200b", "dev.sagents.codec.notes.N\u00adote" })
	@NullAndEmptySource
	void refusesEverythingElseWithoutAskingTheClassLoader(String typeName) {
		assertThat(this.trustedTypes.isTrusted(typeName)).isFalse();
		assertThatExceptionOfType(UntrustedTypeException.class).isThrownBy(() -> this.trustedTypes.resolve(typeName))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(typeName));
		assertThat(this.classLoader.requested()).isEmpty();
		assertThat(InitializedClasses.contains("dev.sagents.codec.notesevil.Gadget")).isFalse();
	}

	@Test
	void resolvesATrustedNameOnceWithoutInitializingTheClass() {
		String name = "dev.sagents.codec.notes.StaticInitializerProbe";

		Class<?> probe = this.trustedTypes.resolve(name);

		assertThat(probe).isSameAs(StaticInitializerProbe.class);
		assertThat(InitializedClasses.contains(name)).isFalse();
		assertThat(this.trustedTypes.resolve(name)).isSameAs(probe);
		assertThat(this.classLoader.requested()).containsExactly(name);
	}

	@Test
	void aTrustedNameThatNamesNoClassFailsToDecodeAndIsNotCached() {
		String name = "dev.sagents.codec.notes.Missing";

		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatExceptionOfType(MessageDecodingException.class).isThrownBy(() -> this.trustedTypes.resolve(name))
				.withMessageContaining(name)
				.satisfies((ex) -> assertThat(ex.type()).isEqualTo(name));
		}
		assertThat(this.classLoader.requested()).containsExactly(name, name);
	}

	@Test
	void trustsClassesNamedOneByOne() {
		TrustedTypes oneByOne = new TrustedTypes(List.of(), List.of(Note.class), this.classLoader);

		assertThat(oneByOne.resolve(Note.class.getName())).isSameAs(Note.class);
		assertThat(oneByOne.isTrusted("dev.sagents.codec.notes.Notebook")).isFalse();
		assertThat(this.classLoader.requested()).isEmpty();
	}

	@Test
	void refusesToTrustArraysOrPrimitives() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TrustedTypes(List.of(), List.of(Note[].class), this.classLoader))
			.withMessageContaining("dev.sagents.codec.notes.Note[]");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TrustedTypes(List.of(), List.of(int.class), this.classLoader))
			.withMessageContaining("int");
	}

	@ParameterizedTest
	@ValueSource(strings = { "java", "java.util", "javax.script", "jdk.internal", "sun.misc", "com.sun.rowset", "com" })
	void refusesToTrustPackagesThatOverlapTheJdk(String packageName) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TrustedTypes(List.of(packageName), List.of(), this.classLoader))
			.withMessageContaining("overlaps the JDK");
	}

	@Test
	void trustsPackagesThatOnlyLookLikeTheJdks() {
		TrustedTypes sunny = new TrustedTypes(List.of("com.sunny", "javascriptish"), List.of(), this.classLoader);

		assertThat(sunny.isTrusted("com.sunny.Weather")).isTrue();
		assertThat(sunny.isTrusted("javascriptish.Token")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "com..example", "com.example.", ".com.example", "com/example", "com.example.*" })
	@NullAndEmptySource
	void refusesMalformedPackageNames(String packageName) {
		List<String> packages = Collections.singletonList(packageName);

		assertThatIllegalArgumentException().isThrownBy(() -> new TrustedTypes(packages, List.of(), this.classLoader))
			.withMessageContaining("is not a package name");
	}

}
