package dev.sagents.horde;

import java.io.IOException;
import java.util.AbstractMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.nio.ObjectDataInput;
import org.junit.jupiter.api.Test;

import dev.sagents.agent.AgentSpec;
import dev.sagents.process.ProcessKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;

/**
 * The claim that moves registrations in failover and handoff, and the predicate that finds the
 * orphans: a claim must never take a process from a member that still hosts it, or two would run.
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
	void aClaimRunsOnlyForAMemberOfTheClusterAsThePartitionOwnerSeesIt() {
		UUID here = UUID.randomUUID();
		RegistrationClaim claim = RegistrationClaim.fromNoneOf(List.of(here.toString()), here.toString(), "node-h");
		claim.setHazelcastInstance(instanceWithMembers(UUID.randomUUID(), here));
		assertThat(claim.process(entry(this.onDeparted))).isNotNull();
		// A claim made before a split healed, by the member's former UUID, with the smaller side's members.
		RegistrationClaim stale = RegistrationClaim.fromNoneOf(List.of("former-uuid"), "former-uuid", "node-h");
		stale.setHazelcastInstance(instanceWithMembers(UUID.randomUUID(), here));
		Map.Entry<String, HazelcastJsonValue> entry = entry(this.onDeparted);
		assertThat(stale.process(entry)).isNull();
		assertThat(entry.getValue()).isEqualTo(this.onDeparted);
	}

	@Test
	void aProcessThatEndedMeanwhileIsNotClaimed() {
		assertThat(RegistrationClaim.fromNoneOf(List.of("here"), "here", "node-h").process(entry(null))).isNull();
	}

	@Test
	void orphansAreFoundByTheirHostHoweverTheRegistrationIsWritten() {
		HostedByNoneOf orphans = new HostedByNoneOf(List.of("alive-1", "here"));
		assertThat(orphans.apply(entry(this.onDeparted))).isTrue();
		assertThat(orphans.apply(entry(Registration.fromJson(KEY, this.onDeparted).movedTo("here", "h").toJson())))
			.isFalse();
		assertThat(orphans.apply(entry(new HazelcastJsonValue("{\"node\":\"h\",\"host\":\"here\"}"))))
			.as("host not first").isFalse();
		assertThat(orphans.apply(entry(new HazelcastJsonValue("{\"host\":\"he\\u0072e\"}")))).as("host escaped")
			.isFalse();
		assertThat(orphans.apply(entry(new HazelcastJsonValue("{\"host\":\"\\u0068ere\"}"))))
			.as("host escaped from its first character")
			.isFalse();
		assertThat(orphans.apply(entry(null))).as("ended meanwhile").isFalse();
	}

	@Test
	void claimsAndPredicatesCrossTheWireAsTheyWereAndNothingElseIsCreated() {
		SerializationService serialization = new DefaultSerializationServiceBuilder().build();
		HostedByNoneOf orphans = serialization.toObject(serialization.toData(new HostedByNoneOf(List.of("here"))));
		assertThat(orphans.apply(entry(this.onDeparted))).isTrue();
		assertThat(orphans.apply(entry(Registration.fromJson(KEY, this.onDeparted).movedTo("here", "h").toJson())))
			.isFalse();
		RegistrationClaim claim = serialization
			.toObject(serialization.toData(RegistrationClaim.fromNoneOf(List.of("here"), "here", "node-h")));
		assertThat(Registration.hostOf(claim.process(entry(this.onDeparted)))).isEqualTo("here");
		HordeSerializerHook hook = new HordeSerializerHook();
		assertThatIllegalArgumentException().isThrownBy(() -> hook.createFactory().create(99));
	}

	@Test
	void aClaimOrPredicateThatNamesMoreHostsThanAllowedIsRefusedWhenRead() throws IOException {
		ObjectDataInput in = mock(ObjectDataInput.class);
		given(in.readInt()).willReturn(HordeSerializerHook.MAX_HOSTS + 1, -1, HordeSerializerHook.MAX_HOSTS, 0);
		AtomicInteger names = new AtomicInteger();
		given(in.readString()).willAnswer((invocation) -> "member-" + names.incrementAndGet());
		HostedByNoneOf orphans = new HostedByNoneOf();
		assertThatIOException().isThrownBy(() -> orphans.readData(in)).withMessage("A sagents object names 10001 hosts");
		assertThatIOException().isThrownBy(() -> orphans.readData(in)).withMessage("A sagents object names -1 hosts");
		orphans.readData(in);
		assertThat(names).as("as many hosts as allowed are read").hasValue(HordeSerializerHook.MAX_HOSTS);
		assertThat(orphans.apply(entry(Registration.fromJson(KEY, this.onDeparted).movedTo("member-1", "n").toJson())))
			.isFalse();
		orphans.readData(in);
		assertThat(orphans.apply(entry(Registration.fromJson(KEY, this.onDeparted).movedTo("member-1", "n").toJson())))
			.as("no member named: every registration is an orphan")
			.isTrue();
	}

	private static HazelcastInstance instanceWithMembers(UUID... members) {
		Set<Member> cluster = new HashSet<>();
		for (UUID uuid : members) {
			Member member = mock(Member.class);
			given(member.getUuid()).willReturn(uuid);
			cluster.add(member);
		}
		HazelcastInstance instance = mock(HazelcastInstance.class, RETURNS_DEEP_STUBS);
		given(instance.getCluster().getMembers()).willReturn(cluster);
		return instance;
	}

	private static Map.Entry<String, HazelcastJsonValue> entry(HazelcastJsonValue value) {
		return new AbstractMap.SimpleEntry<>(KEY.id(), value);
	}

}
