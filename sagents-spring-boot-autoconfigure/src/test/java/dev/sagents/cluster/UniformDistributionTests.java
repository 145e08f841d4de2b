package dev.sagents.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.sagents.process.ProcessKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Placement by rendezvous hashing: every member computes the owner of a key on its own, so the
 * answer may depend on nothing but the key and the member set.
 */
class UniformDistributionTests {

	private static final List<String> MEMBERS = List.of("0b6f3c2a-5d1e-4f7a-9c3b-2e8d4a6f1b90",
			"3e9a7d41-8c2b-4a6e-b1f5-7d0c9e2a4b63", "7a2d5e8f-1b4c-4e9a-8d3f-6c1b0a5e7d24",
			"c41f8b6e-2a7d-4c3e-9f5b-1e8a6d0c2b47", "e85c0a3d-6f9b-4d1a-a7e2-4b3c8f1d6e05");

	@Test
	void ownersStayWhatEarlierVersionsComputedSoMembersOfARollingUpgradeAgree() {
		assertThat(owners((i) -> ProcessKey.agent("agent-" + i), MEMBERS))
			.isEqualTo("1433310430343324040121322340404224412212");
		assertThat(owners((i) -> ProcessKey.fileSystem("user:" + i), MEMBERS))
			.isEqualTo("4442212111210044241214140213242434102341");
	}

	@Test
	void theOwnerDoesNotDependOnTheOrderAMemberListsTheOthersIn() {
		List<String> reversed = new ArrayList<>(MEMBERS);
		Collections.reverse(reversed);
		List<String> rotated = new ArrayList<>(MEMBERS.subList(2, 5));
		rotated.addAll(MEMBERS.subList(0, 2));
		for (int i = 0; i < 200; i++) {
			ProcessKey key = ProcessKey.agent("agent-" + i);
			String owner = UniformDistribution.owner(key, MEMBERS).orElseThrow();
			assertThat(UniformDistribution.owner(key, reversed)).contains(owner);
			assertThat(UniformDistribution.owner(key, rotated)).contains(owner);
		}
	}

	@Test
	void keysSpreadEvenlyOverTheMembers() {
		Map<String, Long> hosted = IntStream.range(0, 10_000)
			.mapToObj((i) -> UniformDistribution.owner(ProcessKey.agent("agent-" + i), MEMBERS).orElseThrow())
			.collect(Collectors.groupingBy((owner) -> owner, Collectors.counting()));
		assertThat(hosted).containsOnlyKeys(MEMBERS);
		assertThat(hosted.values()).allSatisfy((count) -> assertThat(count).isBetween(1_800L, 2_200L));
	}

	@Test
	void whenAMemberLeavesOnlyTheKeysItOwnedMove() {
		String leaving = MEMBERS.get(2);
		List<String> remaining = MEMBERS.stream().filter((member) -> !member.equals(leaving)).toList();
		Map<String, Integer> movedTo = new HashMap<>();
		for (int i = 0; i < 1_000; i++) {
			ProcessKey key = ProcessKey.agent("agent-" + i);
			String before = UniformDistribution.owner(key, MEMBERS).orElseThrow();
			String after = UniformDistribution.owner(key, remaining).orElseThrow();
			if (!before.equals(leaving)) {
				assertThat(after).as("owner of %s", key).isEqualTo(before);
			}
			else {
				movedTo.merge(after, 1, Integer::sum);
			}
		}
		assertThat(movedTo).as("the leaving member's keys spread over all the others").containsOnlyKeys(remaining);
	}

	@Test
	void withoutCandidatesThereIsNoOwner() {
		assertThat(UniformDistribution.owner(ProcessKey.agent("a1"), List.of())).isEmpty();
		assertThat(UniformDistribution.owner(ProcessKey.agent("a1"), List.of("only"))).contains("only");
	}

	private static String owners(IntFunction<ProcessKey> keys, List<String> members) {
		return IntStream.range(0, 40)
			.mapToObj((i) -> String.valueOf(members.indexOf(UniformDistribution.owner(keys.apply(i), members).orElseThrow())))
			.collect(Collectors.joining());
	}

}
