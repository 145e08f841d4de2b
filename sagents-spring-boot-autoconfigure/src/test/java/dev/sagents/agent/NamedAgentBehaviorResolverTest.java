package dev.sagents.agent;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

class NamedAgentBehaviorResolverTest {

	private final AgentBehavior<?> notes = mock(AgentBehavior.class);

	private final AgentBehavior<?> todos = mock(AgentBehavior.class);

	@Test
	void resolvesATypeByNameAndNoTypeAsTheDefault() {
		NamedAgentBehaviorResolver resolver = new NamedAgentBehaviorResolver(
				Map.of("notes", this.notes, "todos", this.todos), "todos");

		assertThat(resolver.resolve("notes")).isSameAs(this.notes);
		assertThat(resolver.resolve(null)).isSameAs(this.todos);
		assertThat(resolver.defaultType()).isEqualTo("todos");
	}

	@Test
	void aSpecThatNamesNoTypeIsGivenTheDefaultOneAndASpecThatNamesOneKeepsIt() {
		NamedAgentBehaviorResolver resolver = new NamedAgentBehaviorResolver(
				Map.of("notes", this.notes, "todos", this.todos), "todos");

		assertThat(resolver.typed(AgentSpec.of("a1")).type()).isEqualTo("todos");
		assertThat(resolver.typed(AgentSpec.of("a1").withType("notes")).type()).isEqualTo("notes");
	}

	@Test
	void aResolverThatCannotNameTheDefaultTypeLeavesASpecWithoutOne() {
		AgentBehaviorResolver resolver = (type) -> this.notes;

		assertThat(resolver.defaultType()).isNull();
		assertThat(resolver.typed(AgentSpec.of("a1")).type()).isNull();
	}

	@Test
	void theOnlyBehaviourIsTheDefault() {
		NamedAgentBehaviorResolver resolver = new NamedAgentBehaviorResolver(Map.of("notes", this.notes), null);

		assertThat(resolver.resolve(null)).isSameAs(this.notes);
		assertThat(resolver.defaultType()).isEqualTo("notes");
	}

	@Test
	void refusesAnUnknownTypeListingTheKnownOnes() {
		NamedAgentBehaviorResolver resolver = new NamedAgentBehaviorResolver(
				Map.of("todos", this.todos, "notes", this.notes), "notes");

		assertThatExceptionOfType(UnknownAgentTypeException.class).isThrownBy(() -> resolver.resolve("mail"))
			.withMessage("No agent behaviour named 'mail' (known: [notes, todos])")
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo("mail"))
			.satisfies((ex) -> assertThat(ex.known()).containsExactlyInAnyOrder("notes", "todos"));
	}

	@Test
	void refusesNoTypeWhenSeveralBehavioursNameNoDefault() {
		NamedAgentBehaviorResolver resolver = new NamedAgentBehaviorResolver(
				Map.of("todos", this.todos, "notes", this.notes), null);

		assertThat(resolver.defaultType()).isNull();
		assertThatExceptionOfType(UnknownAgentTypeException.class).isThrownBy(() -> resolver.resolve(null))
			.withMessageStartingWith("No default agent behaviour: declare one AgentBehavior bean, mark one @Primary")
			.withMessageEndingWith("(known: [notes, todos])")
			.satisfies((ex) -> assertThat(ex.type()).isNull());
	}

	@Test
	void refusesNoTypeWhenThereIsNoBehaviour() {
		NamedAgentBehaviorResolver resolver = new NamedAgentBehaviorResolver(Map.of(), null);

		assertThatExceptionOfType(UnknownAgentTypeException.class).isThrownBy(() -> resolver.resolve(null))
			.satisfies((ex) -> assertThat(ex.known()).isEmpty());
	}

}
