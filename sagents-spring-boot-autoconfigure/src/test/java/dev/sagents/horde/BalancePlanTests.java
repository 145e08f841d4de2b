package dev.sagents.horde;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.sagents.horde.BalancePlan.Transfer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounded-load plan of active rebalancing: every member computes the same one from the same
 * counts, it never leaves a member above the cap, and it moves only what the cap requires.
 */
class BalancePlanTests {

	@Test
	void aMemberThatJoinedGetsItsShareFromEachMemberAboveIt() {
		BalancePlan plan = BalancePlan.of(Map.of("a", 15, "b", 15, "joined", 0), 30);
		assertThat(plan.cap()).isEqualTo(10);
		assertThat(plan.transfers()).containsExactly(new Transfer("a", "joined", 5), new Transfer("b", "joined", 5));
		assertThat(plan.sentBy("a")).containsExactly(Map.entry("joined", 5));
		assertThat(plan.sentBy("joined")).isEmpty();
	}

	@Test
	void theLumpySpreadOfHashingIsEvenedOut() {
		BalancePlan plan = BalancePlan.of(Map.of("a", 14, "b", 10, "c", 6), 30);
		assertThat(plan.transfers()).containsExactly(new Transfer("a", "c", 4));
		assertThat(after(Map.of("a", 14, "b", 10, "c", 6), plan)).containsOnly(Map.entry("a", 10),
				Map.entry("b", 10), Map.entry("c", 10));
	}

	@Test
	void nothingMovesWhileNoMemberIsAboveTheCap() {
		assertThat(BalancePlan.of(Map.of("a", 11, "b", 11, "c", 9), 31).balanced()).isTrue();
		assertThat(BalancePlan.of(Map.of("a", 10, "b", 10, "c", 10), 30).transfers()).isEmpty();
		assertThat(BalancePlan.of(Map.of(), 30).transfers()).isEmpty();
	}

	@Test
	void agentsOnTheirWayToTheMembersCountTowardsTheShare() {
		// 8 agents of a member that failed are still to be restarted: 12 and 10 are within 15.
		assertThat(BalancePlan.of(Map.of("a", 12, "b", 10), 30).balanced()).isTrue();
		assertThat(BalancePlan.of(Map.of("a", 12, "b", 10), 22).transfers()).containsExactly(new Transfer("a", "b", 1));
	}

	@Test
	void everyMemberComputesTheSamePlanWhateverOrderItReadsTheCountsIn() {
		Map<String, Integer> one = new LinkedHashMap<>();
		Map<String, Integer> other = new LinkedHashMap<>();
		List<String> members = List.of("m3", "m1", "m5", "m2", "m4");
		int[] counts = { 30, 2, 25, 0, 3 };
		for (int i = 0; i < members.size(); i++) {
			one.put(members.get(i), counts[i]);
		}
		for (int i = members.size() - 1; i >= 0; i--) {
			other.put(members.get(i), counts[i]);
		}
		assertThat(BalancePlan.of(one, 60).transfers()).isEqualTo(BalancePlan.of(other, 60).transfers())
			.isNotEmpty();
	}

	@Test
	void noMemberEndsAboveTheCapAndOnlyTheExcessMoves() {
		Random random = new Random(20);
		for (int round = 0; round < 2_000; round++) {
			Map<String, Integer> hosted = new HashMap<>();
			int members = 1 + random.nextInt(7);
			int sum = 0;
			for (int m = 0; m < members; m++) {
				int count = random.nextInt(random.nextBoolean() ? 5 : 60);
				hosted.put("m" + m, count);
				sum += count;
			}
			int agents = sum + random.nextInt(10);
			BalancePlan plan = BalancePlan.of(hosted, agents);
			int cap = plan.cap();
			assertThat(cap).isEqualTo((agents + members - 1) / members);
			int excess = hosted.values().stream().mapToInt((count) -> Math.max(0, count - cap)).sum();
			assertThat(plan.transfers().stream().mapToInt(Transfer::agents).sum()).as("moves for %s", hosted)
				.isEqualTo(excess);
			assertThat(plan.transfers()).allSatisfy((transfer) -> {
				assertThat(transfer.agents()).isPositive();
				assertThat(hosted.get(transfer.from())).as("a sender is above the cap").isGreaterThan(cap);
				assertThat(hosted.get(transfer.to())).as("a receiver is below it").isLessThan(cap);
			});
			assertThat(after(hosted, plan).values()).as("after the plan for %s", hosted).allMatch((count) -> count <= cap);
		}
	}

	private static Map<String, Integer> after(Map<String, Integer> hosted, BalancePlan plan) {
		Map<String, Integer> after = new TreeMap<>(hosted);
		for (Transfer transfer : plan.transfers()) {
			after.merge(transfer.from(), -transfer.agents(), Integer::sum);
			after.merge(transfer.to(), transfer.agents(), Integer::sum);
		}
		return after;
	}

}
