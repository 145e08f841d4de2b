package dev.sagents.codec;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The type names that come from the network, read before any class is looked up: what
 * {@link TypeName#toString()} writes reads back the same, anything else is refused, within limits
 * of length and depth.
 */
class TypeNameTests {

	@ParameterizedTest
	@ValueSource(strings = { "java.util.List<java.util.Map<java.lang.String,[B>>", "int[][]", "[B[]",
			"java.util.Optional<?>", "dev.sagents.codec.notes.Note[]" })
	void aNameItWroteReadsBackTheSame(String name) {
		assertThat(TypeName.parse(name)).hasToString(name);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "?", "java.lang.String>", "java.util.List<>", "java.util.List<java.lang.String,>",
			"[Ljava.lang.Object;" })
	void refusesWhatNoTypeWasWrittenAs(String name) {
		assertThatExceptionOfType(UntrustedTypeException.class).isThrownBy(() -> TypeName.parse(name));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1 })
	void readsANameUpToTheLengthLimit(int over) {
		String element = "a".repeat(TypeName.MAX_LENGTH - "java.util.List<>".length() + over);
		String name = "java.util.List<" + element + ">";
		if (over == 0) {
			assertThat(TypeName.parse(name).arguments()).containsExactly(TypeName.of(element));
		}
		else {
			assertThatExceptionOfType(UntrustedTypeException.class).isThrownBy(() -> TypeName.parse(name));
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1 })
	void readsArrayDimensionsUpToTheDepthLimit(int over) {
		String name = "int" + "[]".repeat(TypeName.MAX_DEPTH + over);
		if (over == 0) {
			assertThat(TypeName.parse(name)).isEqualTo(new TypeName("int", List.of(), TypeName.MAX_DEPTH));
		}
		else {
			assertThatExceptionOfType(UntrustedTypeException.class).isThrownBy(() -> TypeName.parse(name));
		}
	}

}
