package dev.sagents.process;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Registry keys as they are rendered in logs, events and the actuator endpoint, and parsed back. */
class ProcessKeyTests {

	@Test
	void keysRenderAsKindColonIdAndParseBackEvenWhenTheIdHasColons() {
		assertThat(ProcessKey.agent("a1")).hasToString("agent:a1");
		assertThat(ProcessKey.parse("agent:a1")).isEqualTo(ProcessKey.agent("a1"));
		ProcessKey scope = ProcessKey.fileSystem("user:alice");
		assertThat(scope).hasToString("filesystem:user:alice");
		assertThat(ProcessKey.parse(scope.toString())).isEqualTo(scope);
		assertThat(scope.kind()).isEqualTo(ProcessKind.FILESYSTEM);
		assertThat(scope.id()).isEqualTo("user:alice");
	}

	@Test
	void textWithoutAKindBeforeAColonIsRefusedWithTheExpectedForm() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProcessKey.parse("a1"))
			.withMessage("A process key is '<kind>:<id>', got 'a1'");
		assertThatIllegalArgumentException().isThrownBy(() -> ProcessKey.parse(":a1"))
			.withMessage("A process key is '<kind>:<id>', got ':a1'");
	}

	@Test
	void anUnknownKindIsRefusedNamingTheAllowedOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProcessKey.parse("robot:r1"))
			.withMessage("Unknown process kind 'robot' (allowed: agent, filesystem)");
		assertThat(ProcessKind.ofPrefix("filesystem")).isEqualTo(ProcessKind.FILESYSTEM);
	}

	@Test
	void anEmptyIdIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProcessKey.agent(""))
			.withMessage("A process id must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> ProcessKey.parse("agent:"))
			.withMessage("A process id must not be empty");
	}

}
