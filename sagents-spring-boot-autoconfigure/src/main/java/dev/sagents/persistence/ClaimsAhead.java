package dev.sagents.persistence;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * What was claimed for processes about to start here (an agent's epoch and state, a file system's
 * epoch), by key, each kept for the one activation that takes it: a node starting many processes
 * at once claims them together ({@link ClaimsTogether}) instead of one round trip per activation.
 * A claim is taken once; one not taken within {@link #KEPT} (the process did not start here after
 * all) is dropped, and its process, if it starts later, claims anew. Fencing is unchanged: an
 * epoch claimed ahead was granted by the store like any other, and a newer claim elsewhere refuses
 * its writes all the same.
 *
 * @param <V> what a claim of one key returns
 */
final class ClaimsAhead<V> {

	/** How long a claim made ahead waits for its activation. */
	static final Duration KEPT = Duration.ofSeconds(30);

	private final ClaimsTogether<V> together;

	private final ToLongFunction<V> epoch;

	private final Map<String, Claimed<V>> claims = new ConcurrentHashMap<>();

	/**
	 * @param store the store's claim of many keys at once, such as {@link AgentStateStore#claimAll}
	 * @param epoch the epoch a claim of one key granted
	 */
	ClaimsAhead(ClaimsTogether.ClaimAll<V> store, ToLongFunction<V> epoch) {
		this.together = new ClaimsTogether<>(store);
		this.epoch = epoch;
	}

	/**
	 * Claims {@code keys}, together with whatever else is claimed ahead at the same time, and keeps
	 * what each claim returned for the activations to come.
	 */
	void claim(Collection<String> keys) throws Exception {
		if (!keys.isEmpty()) {
			add(this.together.claim(keys));
		}
	}

	/**
	 * Keeps {@code claimed} (by key) for the activations to come; drops those kept too long. Of two
	 * claims of one key made at once (in two calls of the store), the newer epoch is kept: the
	 * older was refused by the time it arrived.
	 */
	private void add(Map<String, V> claimed) {
		long now = System.nanoTime();
		this.claims.values().removeIf((kept) -> kept.expired(now));
		claimed.forEach((key, value) -> this.claims.merge(key, new Claimed<>(value, now),
				(kept, fresh) -> (this.epoch.applyAsLong(fresh.value()) >= this.epoch.applyAsLong(kept.value())) ? fresh
						: kept));
	}

	/** What was claimed ahead for {@code key}, now taken; {@code null} if there is none (any more). */
	V take(String key) {
		Claimed<V> claimed = this.claims.remove(key);
		return (claimed != null && !claimed.expired(System.nanoTime())) ? claimed.value() : null;
	}

	/** Drops what was claimed ahead for {@code key}: its process does not start here. */
	void drop(String key) {
		this.claims.remove(key);
	}

	private record Claimed<V>(V value, long claimedAt) {

		boolean expired(long now) {
			return now - this.claimedAt > KEPT.toNanos();
		}

	}

}
