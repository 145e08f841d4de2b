package dev.sagents.persistence;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Epochs claimed for agents about to start here, each kept for the one activation that takes it:
 * a node starting many agents at once claims them together ({@link ClaimsTogether}) instead of one
 * round trip per activation. An epoch is taken once; one not taken within {@link #KEPT} (the agent
 * did not start here after all) is dropped, and its agent, if it starts later, claims anew.
 * Fencing is unchanged: an epoch claimed ahead was granted by the store like any other, and a
 * newer claim elsewhere refuses its writes all the same.
 */
final class ClaimsAhead {

	/** How long an epoch claimed ahead waits for its activation. */
	static final Duration KEPT = Duration.ofSeconds(30);

	private final Map<String, Claimed> claims = new ConcurrentHashMap<>();

	/** Keeps {@code claimed} (by agent id) for the activations to come; drops those kept too long. */
	void add(Map<String, StoredState> claimed) {
		long now = System.nanoTime();
		this.claims.values().removeIf((kept) -> kept.expired(now));
		claimed.forEach((agentId, state) -> this.claims.put(agentId, new Claimed(state, now)));
	}

	/** The epoch claimed ahead for {@code agentId}, now taken; {@code null} if there is none (any more). */
	StoredState take(String agentId) {
		Claimed claimed = this.claims.remove(agentId);
		return (claimed != null && !claimed.expired(System.nanoTime())) ? claimed.state() : null;
	}

	/** Drops what was claimed ahead for {@code agentId}: it does not start here. */
	void drop(String agentId) {
		this.claims.remove(agentId);
	}

	private record Claimed(StoredState state, long claimedAt) {

		boolean expired(long now) {
			return now - this.claimedAt > KEPT.toNanos();
		}

	}

}
