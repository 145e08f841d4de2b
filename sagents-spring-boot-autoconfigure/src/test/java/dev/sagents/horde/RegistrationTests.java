package dev.sagents.horde;

import java.util.Map;

import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.internal.json.ParseException;
import org.junit.jupiter.api.Test;

import dev.sagents.agent.AgentSpec;
import dev.sagents.process.ProcessKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A registration as the cluster registry stores it (a map entry per process, in every copy): only
 * what the key does not say, host first, and read back as it was.
 */
class RegistrationTests {

	@Test
	void aFileSystemIsStoredWithItsHostAndNodeOnly() {
		Registration fileSystem = Registration.ofFileSystem("scope-1", "host-uuid", "node-1");
		HazelcastJsonValue stored = fileSystem.toJson();
		assertThat(stored.getValue()).isEqualTo("{\"host\":\"host-uuid\",\"node\":\"node-1\"}");
		assertThat(Registration.fromJson(ProcessKey.fileSystem("scope-1"), stored)).isEqualTo(fileSystem);
	}

	@Test
	void anAgentIsStoredWithWhatItIsRestartedFrom() {
		AgentSpec spec = new AgentSpec("a1", "tally", "scope-1", Map.of("k", "v"));
		HazelcastJsonValue stored = Registration.ofAgent(spec, "host-uuid", "node-1").toJson();
		assertThat(stored.getValue()).isEqualTo(
				"{\"host\":\"host-uuid\",\"node\":\"node-1\",\"type\":\"tally\",\"scope\":\"scope-1\",\"attributes\":{\"k\":\"v\"}}");
		Registration read = Registration.fromJson(ProcessKey.agent("a1"), stored);
		assertThat(read.agentSpec()).isEqualTo(spec);
		assertThat(Registration.hostOf(stored)).isEqualTo("host-uuid");
	}

	@Test
	void anAgentWithoutTypeScopeOrAttributesStoresNoneOfThem() {
		AgentSpec spec = new AgentSpec("a1", null, null, Map.of());
		HazelcastJsonValue stored = Registration.ofAgent(spec, "host-uuid", "node-1").toJson();
		assertThat(stored.getValue()).isEqualTo("{\"host\":\"host-uuid\",\"node\":\"node-1\"}");
		assertThat(Registration.fromJson(ProcessKey.agent("a1"), stored).agentSpec()).isEqualTo(spec);
	}

	@Test
	void everyMoveIsCountedWhereverItHappensAndStoredOnlyOnceThereIsOne() {
		Registration started = Registration.ofFileSystem("scope-1", "host-1", "n1");
		assertThat(started.movedTo("host-2", "n2").moves()).as("placed, not moved").isZero();
		Registration handedOff = started.relocatedTo("host-2", "n2");
		assertThat(handedOff.moves()).isEqualTo(1);
		assertThat(handedOff.toJson().getValue()).isEqualTo("{\"host\":\"host-2\",\"node\":\"n2\",\"moves\":1}");
		HazelcastJsonValue claimed = Registration.moveIf(handedOff.toJson(), "host-2"::equals, "host-3", "n3");
		Registration read = Registration.fromJson(ProcessKey.fileSystem("scope-1"), claimed);
		assertThat(read.host()).isEqualTo("host-3");
		assertThat(read.moves()).as("claimed by a survivor").isEqualTo(2);
	}

	@Test
	void aStoredValueCutShortIsRefusedAsMalformedInsteadOfReadAsAHost() {
		assertThatExceptionOfType(ParseException.class)
			.isThrownBy(() -> Registration.hostOf(new HazelcastJsonValue("{\"host\":\"host-uu")));
	}

}
