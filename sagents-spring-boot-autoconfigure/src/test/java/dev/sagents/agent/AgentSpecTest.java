package dev.sagents.agent;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AgentSpecTest {

	@ParameterizedTest
	@ValueSource(strings = { "alice", "A-z_0.9:x", "a" })
	void acceptsIdsOfTheAllowedCharacters(String id) {
		assertThat(AgentSpec.isValidId(id)).isTrue();
		assertThat(AgentSpec.of(id).id()).isEqualTo(id);
	}

	@ParameterizedTest
	@ValueSource(strings = { "no spaces", "alice/bob", "ünicode", " alice" })
	@NullAndEmptySource
	void refusesAnyOtherIdNamingIt(String id) {
		assertThat(AgentSpec.isValidId(id)).isFalse();
		if (id == null) {
			assertThatIllegalArgumentException().isThrownBy(() -> AgentSpec.of(id)).withMessage("'id' must not be null");
			return;
		}
		assertThatExceptionOfType(InvalidAgentIdException.class).isThrownBy(() -> AgentSpec.of(id))
			.withMessageContaining("'" + id + "'")
			.withMessageContaining("1-128 characters")
			.satisfies((ex) -> assertThat(ex.id()).isEqualTo(id));
	}

	@Test
	void refusesAnIdLongerThan128Characters() {
		assertThat(AgentSpec.isValidId("a".repeat(128))).isTrue();
		assertThatExceptionOfType(InvalidAgentIdException.class).isThrownBy(() -> AgentSpec.of("a".repeat(129)));
	}

	@Test
	void keepsACopyOfItsAttributesAndNoneForNull() {
		Map<String, String> attributes = new HashMap<>(Map.of("model", "small"));

		AgentSpec spec = new AgentSpec("alice", "notes", "user:alice", attributes);
		attributes.put("model", "large");

		assertThat(spec.attributes()).containsExactly(Map.entry("model", "small"));
		assertThat(new AgentSpec("bob", null, null, null).attributes()).isNotNull().isEmpty();
	}

	@Test
	void withersChangeOnlyTheirPart() {
		AgentSpec spec = new AgentSpec("alice", null, null, Map.of("model", "small"));

		assertThat(spec.withType("notes").withFileSystemScope("user:alice"))
			.isEqualTo(new AgentSpec("alice", "notes", "user:alice", Map.of("model", "small")));
	}

}
