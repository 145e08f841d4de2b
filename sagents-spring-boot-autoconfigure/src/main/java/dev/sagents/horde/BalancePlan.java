package dev.sagents.horde;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the hosting members even out their agents under active rebalancing: from how many agents
 * each hosts, the transfers that leave none above the cap, {@code ceil(agents / members)}. Only a
 * member above the cap sends, only its excess, and only to members below the cap, never more than
 * their room: no agent moves that the cap does not require, and no member ends above it. The plan
 * depends on the counts alone, not on their order, so every member computes the same one from the
 * same counts and two senders never fill one receiver twice over. Senders and receivers are both
 * taken by member id, each sender filling the first receiver with room left: as counts move between
 * two reads (a start, an agent arriving), the receivers keep their order, so plans read a moment
 * apart by two senders differ only where the counts did.
 */
final class BalancePlan {

	private final int cap;

	private final List<Transfer> transfers;

	private BalancePlan(int cap, List<Transfer> transfers) {
		this.cap = cap;
		this.transfers = transfers;
	}

	/**
	 * The plan for {@code hosted} (member id to the agents it hosts) when the cluster has
	 * {@code agents} agents in all: those registered on no member of {@code hosted} yet (on their way
	 * from a member that leaves, or to be restarted after one failed) count towards the share, as
	 * they land on one of these.
	 */
	static BalancePlan of(Map<String, Integer> hosted, long agents) {
		if (hosted.isEmpty()) {
			return new BalancePlan(0, List.of());
		}
		long total = Math.max(agents, hosted.values().stream().mapToLong(Integer::longValue).sum());
		int cap = (int) ((total + hosted.size() - 1) / hosted.size());
		Map<String, Integer> byId = new TreeMap<>(hosted);
		List<Room> receivers = new ArrayList<>();
		byId.forEach((member, count) -> {
			if (count < cap) {
				receivers.add(new Room(member, cap - count));
			}
		});
		List<Transfer> transfers = new ArrayList<>();
		int next = 0;
		for (Map.Entry<String, Integer> sender : byId.entrySet()) {
			int excess = sender.getValue() - cap;
			while (excess > 0) {
				Room receiver = receivers.get(next);
				int moved = Math.min(excess, receiver.left());
				transfers.add(new Transfer(sender.getKey(), receiver.member(), moved));
				excess -= moved;
				receivers.set(next, new Room(receiver.member(), receiver.left() - moved));
				if (receiver.left() == moved) {
					next++;
				}
			}
		}
		return new BalancePlan(cap, List.copyOf(transfers));
	}

	/** The most agents a member hosts once the plan is done. */
	int cap() {
		return this.cap;
	}

	/** Whether no member is above the cap: nothing to move. */
	boolean balanced() {
		return this.transfers.isEmpty();
	}

	List<Transfer> transfers() {
		return this.transfers;
	}

	/** What {@code member} sends: receiver to how many agents, in the plan's order. */
	Map<String, Integer> sentBy(String member) {
		Map<String, Integer> sent = new LinkedHashMap<>();
		for (Transfer transfer : this.transfers) {
			if (transfer.from().equals(member)) {
				sent.put(transfer.to(), transfer.agents());
			}
		}
		return sent;
	}

	/**
	 * Agents one member sends another.
	 *
	 * @param from the member above the cap
	 * @param to the member below it
	 * @param agents how many
	 */
	record Transfer(String from, String to, int agents) {
	}

	/** How many agents {@code member} can take before it reaches the cap. */
	private record Room(String member, int left) {
	}

}
