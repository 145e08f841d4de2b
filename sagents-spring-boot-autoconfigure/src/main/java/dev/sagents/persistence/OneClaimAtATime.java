package dev.sagents.persistence;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The claim of many keys that a store without a batched one makes: one claim after the other, as
 * the default {@link AgentStateStore#claimAll} and {@link FileSystemStore#claimAll} do.
 */
final class OneClaimAtATime {

	private OneClaimAtATime() {
	}

	/**
	 * Claims each of {@code keys} with {@code claim}, in order.
	 *
	 * @return what each claim returned, by key
	 */
	static <V, E extends Exception> Map<String, V> claimEach(Collection<String> keys, Claim<V, E> claim) throws E {
		Map<String, V> claimed = new LinkedHashMap<>();
		for (String key : keys) {
			claimed.put(key, claim.claim(key));
		}
		return claimed;
	}

	/** A store's claim of one key. */
	@FunctionalInterface
	interface Claim<V, E extends Exception> {

		V claim(String key) throws E;

	}

}
