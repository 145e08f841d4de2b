package dev.sagents.horde;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;

import com.hazelcast.core.HazelcastJsonValue;
import org.junit.jupiter.api.Test;

import dev.sagents.agent.AgentSpec;
import dev.sagents.process.ProcessKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The claim that moves registrations in failover and handoff: it must never take a process from
 * a member that still hosts it, or two would run.
 */
class RegistrationClaimTests {

	private static final ProcessKey KEY = ProcessKey.agent("a1");

	private final HazelcastJsonValue onDeparted = Registration
		.ofAgent(new AgentSpec("a1", "tally", "scope-1", Map.of("k", "v")), "departed", "node-d")
		.toJson();

	@Test
	void orphanOfADepartedMemberMovesHereWithItsSpecIntact() {
		Map.Entry<String, HazelcastJsonValue> entry = entry(this.onDeparted);
		HazelcastJsonValue moved = RegistrationClaim.fromNoneOf(List.of("alive-1", "here"), "here", "node-h")
			.process(entry);
		assertThat(moved).isEqualTo(entry.getValue());
		Registration registration = Registration.fromJson(KEY, moved);
		assertThat(registration.host()).isEqualTo("here");
		assertThat(registration.node()).isEqualTo("node-h");
		assertThat(registration.agentSpec()).isEqualTo(new AgentSpec("a1", "tally", "scope-1", Map.of("k", "v")));
	}

	@Test
	void processAnotherSurvivorTookAlreadyIsLeftAlone() {
		HazelcastJsonValue taken = Registration.fromJson(KEY, this.onDeparted).movedTo("alive-1", "node-1").toJson();
		Map.Entry<String, HazelcastJsonValue> entry = entry(taken);
		assertThat(RegistrationClaim.fromNoneOf(List.of("alive-1", "here"), "here", "node-h").process(entry)).isNull();
		assertThat(entry.getValue()).isEqualTo(taken);
	}

	@Test
	void handoffTakesOnlyWhatTheLeavingMemberStillHosts() {
		Map.Entry<String, HazelcastJsonValue> leaving = entry(this.onDeparted);
		assertThat(RegistrationClaim.fromAnyOf(List.of("departed"), "next", "node-n").process(leaving)).isNotNull();
		assertThat(Registration.hostOf(leaving.getValue())).isEqualTo("next");
		Map.Entry<String, HazelcastJsonValue> elsewhere = entry(this.onDeparted);
		assertThat(RegistrationClaim.fromAnyOf(List.of("someone-else"), "next", "node-n").process(elsewhere)).isNull();
		assertThat(elsewhere.getValue()).isEqualTo(this.onDeparted);
	}

	@Test
	void aProcessThatEndedMeanwhileIsNotClaimed() {
		assertThat(RegistrationClaim.fromNoneOf(List.of("here"), "here", "node-h").process(entry(null))).isNull();
	}

	@Test
	void theFactoryCreatesOnlyTheClaim() {
		HordeSerializerHook hook = new HordeSerializerHook();
		assertThat(hook.createFactory().create(RegistrationClaim.CLASS_ID)).isInstanceOf(RegistrationClaim.class);
		assertThatIllegalArgumentException().isThrownBy(() -> hook.createFactory().create(99));
	}

	private static Map.Entry<String, HazelcastJsonValue> entry(HazelcastJsonValue value) {
		return new AbstractMap.SimpleEntry<>(KEY.id(), value);
	}

}
