package dev.sagents.horde.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.sagents.codec.EncodedValue;
import dev.sagents.filesystem.FileSystemPersistence.StoredFile;
import dev.sagents.horde.HordeStructures;
import dev.sagents.persistence.FileSystemStoreContract;
import dev.sagents.persistence.PersistenceUnavailableException;
import dev.sagents.persistence.StateWrite;
import dev.sagents.persistence.StoredState;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.StaleActivationException;
import dev.sagents.testsupport.FreePorts;
import dev.sagents.testsupport.LoopbackMembers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The Hazelcast store on two real members: claims, fenced writes of states (one by one and in
 * batches) and of files. Each test uses its own agent ids and scopes.
 */
class HazelcastStoresTest {

	private static final int PORTS = 3;

	private static HazelcastInstance first;

	private static HazelcastInstance second;

	/** The store as the first member's node sees it; {@link #second} holds half the partitions. */
	private final HazelcastStoreMaps maps = new HazelcastStoreMaps(() -> Optional.of(first));

	private final HazelcastAgentStateStore states = new HazelcastAgentStateStore(this.maps);

	private final HazelcastFileSystemStore files = new HazelcastFileSystemStore(this.maps);

	@BeforeAll
	static void startMembers() {
		int port = FreePorts.block(PORTS);
		String cluster = FreePorts.clusterName("stores");
		first = Hazelcast.newHazelcastInstance(member(cluster, "m1", port));
		second = Hazelcast.newHazelcastInstance(member(cluster, "m2", port));
	}

	@AfterAll
	static void stopMembers() {
		second.shutdown();
		first.shutdown();
	}

	private static Config member(String cluster, String name, int port) {
		Config config = LoopbackMembers.config(cluster, cluster + "-" + name, port, PORTS);
		StoreMapConfigs.apply(config, 1);
		return config;
	}

	private static EncodedValue state(String text) {
		return new EncodedValue("java.lang.String", text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void eachClaimRaisesTheEpochAndReturnsTheStateStoredSoFar() {
		assertThat(this.states.read("claimed")).isEmpty();
		assertThat(this.states.claim("claimed")).isEqualTo(new StoredState(1, null));
		assertThat(this.states.write(List.of(new StateWrite("claimed", 1, state("one"))))).containsExactly(true);

		StoredState second = this.states.claim("claimed");

		assertThat(second.epoch()).isEqualTo(2);
		assertThat(second.state().data()).asString(StandardCharsets.UTF_8).isEqualTo("one");
		assertThat(this.states.read("claimed").orElseThrow().epoch()).isEqualTo(2);
	}

	@Test
	void agentsClaimedTogetherEachGetTheirNextEpochWithTheirStoredState() {
		this.states.claim("together-stored");
		assertThat(this.states.write(List.of(new StateWrite("together-stored", 1, state("kept"))))).containsExactly(true);
		List<String> ids = new ArrayList<>(List.of("together-stored"));
		for (int i = 0; i < 50; i++) {
			ids.add("together-" + i);
		}

		Map<String, StoredState> claimed = this.states.claimAll(ids);

		assertThat(claimed).hasSize(ids.size());
		assertThat(claimed.get("together-stored").epoch()).isEqualTo(2);
		assertThat(claimed.get("together-stored").state().data()).asString(StandardCharsets.UTF_8).isEqualTo("kept");
		assertThat(claimed.get("together-7")).isEqualTo(new StoredState(1, null));
		assertThat(this.states.write(List.of(new StateWrite("together-stored", 1, state("stale")))))
			.containsExactly(false);
		assertThat(this.states.claimAll(ids).get("together-7").epoch()).isEqualTo(2);
		assertThat(this.states.claimAll(List.of())).isEmpty();
	}

	@Test
	void aStaleWriteIsRefusedAndTheNewerStateKept() {
		this.states.claim("stale");
		this.states.claim("stale");
		assertThat(this.states.write(List.of(new StateWrite("stale", 2, state("newer"))))).containsExactly(true);

		assertThat(this.states.write(List.of(new StateWrite("stale", 1, state("older"))))).containsExactly(false);

		StoredState stored = this.states.read("stale").orElseThrow();
		assertThat(stored.epoch()).isEqualTo(2);
		assertThat(stored.state().data()).asString(StandardCharsets.UTF_8).isEqualTo("newer");
		assertThat(stored.state().type()).isEqualTo("java.lang.String");
	}

	@Test
	void aBatchSaysForEachAgentWhetherItWasWritten() {
		for (int i = 0; i < 40; i++) {
			this.states.claim("batch-" + i);
		}
		this.states.claim("batch-7");
		List<StateWrite> writes = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			writes.add(new StateWrite("batch-" + i, 1, state("v" + i)));
		}
		writes.add(new StateWrite("batch-never-claimed", 1, state("lost")));

		boolean[] written = this.states.write(writes);

		for (int i = 0; i < 40; i++) {
			assertThat(written[i]).as("batch-" + i).isEqualTo(i != 7);
		}
		assertThat(written[40]).as("never claimed").isFalse();
		assertThat(this.states.read("batch-12").orElseThrow().state().data()).asString(StandardCharsets.UTF_8)
			.isEqualTo("v12");
		assertThat(this.states.read("batch-7").orElseThrow().state()).isNull();
		assertThat(this.states.read("batch-never-claimed")).isEmpty();
		assertThat(first.getMap(HordeStructures.AGENT_STATES_MAP).getLocalMapStats().getOwnedEntryCount())
			.as("the agents live on both members").isPositive();
		assertThat(second.getMap(HordeStructures.AGENT_STATES_MAP).getLocalMapStats().getOwnedEntryCount()).isPositive();
	}

	@Test
	void scopesClaimedTogetherEachGetTheirNextEpochAndAStaleOneChangesNothing() throws IOException {
		FileSystemStoreContract.scopesClaimedTogetherEachGetTheirNextEpochAndAStaleOneChangesNothing(this.files, 50);
	}

	@Test
	void scopesClaimedTogetherAreClaimedInOneCallOfTheCluster() {
		AtomicInteger calls = new AtomicInteger();
		HazelcastFileSystemStore counted = new HazelcastFileSystemStore(new HazelcastStoreMaps(() -> {
			calls.incrementAndGet();
			return Optional.of(first);
		}));
		List<String> scopes = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			scopes.add("one-call:" + i);
		}
		counted.claim("one-call:0");
		calls.set(0);

		Map<String, Long> claimed = counted.claimAll(scopes);

		assertThat(calls).hasValue(1);
		assertThat(claimed).hasSize(scopes.size()).containsEntry("one-call:0", 2L).containsEntry("one-call:49", 1L);
	}

	@Test
	void fileWritesAndDeletesOfAStaleActivationAreRefusedAndTheNewerFilesKept() {
		long older = this.files.claim("user:fenced");
		this.files.write("user:fenced", older, "notes.md", bytes("first"));
		long newer = this.files.claim("user:fenced");
		assertThat(newer).isEqualTo(older + 1);
		this.files.write("user:fenced", newer, "notes.md", bytes("second"));

		assertThatExceptionOfType(StaleActivationException.class)
			.isThrownBy(() -> this.files.write("user:fenced", older, "notes.md", bytes("late")))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo(ProcessKey.fileSystem("user:fenced")));
		assertThatExceptionOfType(StaleActivationException.class)
			.isThrownBy(() -> this.files.delete("user:fenced", older, "notes.md"));
		assertThatExceptionOfType(StaleActivationException.class)
			.isThrownBy(() -> this.files.write("user:never-claimed", 1, "notes.md", bytes("lost")));

		assertThat(this.files.read("user:fenced", "notes.md")).hasValueSatisfying(
				(content) -> assertThat(content).asString(StandardCharsets.UTF_8).isEqualTo("second"));
		this.files.delete("user:fenced", newer, "notes.md");
		assertThat(this.files.read("user:fenced", "notes.md")).isEmpty();
		assertThat(this.files.read("user:never-claimed", "notes.md")).isEmpty();
	}

	@Test
	void filesAreReadOneByOneAndListedWithSizeAndTime() {
		Instant before = Instant.now().minusSeconds(1);
		long epoch = this.files.claim("user:listed");
		this.files.write("user:listed", epoch, "a.md", bytes("alpha"));
		this.files.write("user:listed", epoch, "dir/b.txt", bytes("be"));
		this.files.write("user:listed", epoch, "a.md", bytes("alpha!"));

		assertThat(this.files.read("user:listed", "dir/b.txt")).hasValueSatisfying(
				(content) -> assertThat(content).asString(StandardCharsets.UTF_8).isEqualTo("be"));
		assertThat(this.files.read("user:listed", "c.md")).isEmpty();
		List<StoredFile> listed = this.files.list("user:listed");
		assertThat(listed).extracting(StoredFile::path, StoredFile::size)
			.containsExactly(tuple("a.md", 6L),
					tuple("dir/b.txt", 2L));
		assertThat(listed).allSatisfy((file) -> assertThat(file.modified()).isAfter(before));
		assertThat(this.files.list("user:nothing")).isEmpty();
	}

	@Test
	void withoutARunningMemberEveryCallIsUnavailable() {
		AtomicReference<HazelcastInstance> none = new AtomicReference<>();
		HazelcastStoreMaps gone = new HazelcastStoreMaps(() -> Optional.ofNullable(none.get()));

		assertThatExceptionOfType(PersistenceUnavailableException.class)
			.isThrownBy(() -> new HazelcastAgentStateStore(gone).claim("a"))
			.withMessageContaining("claim agent 'a'");
		assertThatExceptionOfType(PersistenceUnavailableException.class)
			.isThrownBy(() -> new HazelcastFileSystemStore(gone).list("user:alice"));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
