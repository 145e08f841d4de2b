package dev.sagents.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Claims of many keys asked for at once (agents of an {@link AgentStateStore}, scopes of a
 * {@link FileSystemStore}), sent to the store together: while one claim of many is under way, the
 * claims asked for meanwhile queue, and the first caller to go next claims everything queued by
 * then in one call. A failover hands this its orphans a partition at a time, from several threads:
 * they reach the store in a few calls, not one per process or per partition.
 *
 * @param <V> what a claim of one key returns
 */
final class ClaimsTogether<V> {

	private final ClaimAll<V> store;

	private final Queue<Asked<V>> queued = new ConcurrentLinkedQueue<>();

	/** Held while a call of the store is under way: one at a time, each taking all that is queued. */
	private final ReentrantLock claiming = new ReentrantLock();

	/** @param store the store's claim of many keys at once, such as {@link AgentStateStore#claimAll} */
	ClaimsTogether(ClaimAll<V> store) {
		this.store = store;
	}

	/** Claims {@code keys}, together with whatever else is asked for at the same time. */
	Map<String, V> claim(Collection<String> keys) throws Exception {
		Asked<V> asked = new Asked<>(Set.copyOf(keys), new CompletableFuture<>());
		this.queued.add(asked);
		this.claiming.lock();
		try {
			if (!asked.claimed().isDone()) {
				claimQueued();
			}
		}
		finally {
			this.claiming.unlock();
		}
		try {
			return asked.claimed().get();
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

	/** How many askers wait for the call under way to end. */
	int queued() {
		return this.queued.size();
	}

	/** Claims everything queued in one call of the store; each asker gets its share, or the failure. */
	private void claimQueued() {
		List<Asked<V>> taken = new ArrayList<>();
		Set<String> keys = new LinkedHashSet<>();
		for (Asked<V> next = this.queued.poll(); next != null; next = this.queued.poll()) {
			taken.add(next);
			keys.addAll(next.keys());
		}
		try {
			Map<String, V> claimed = this.store.claimAll(keys);
			for (Asked<V> asked : taken) {
				asked.claimed()
					.complete(asked.keys()
						.stream()
						.filter(claimed::containsKey)
						.collect(Collectors.toMap((id) -> id, claimed::get)));
			}
		}
		catch (Exception | Error ex) {
			taken.forEach((asked) -> asked.claimed().completeExceptionally(ex));
		}
	}

	private record Asked<V>(Set<String> keys, CompletableFuture<Map<String, V>> claimed) {
	}

	/**
	 * A store's claim of many keys at once.
	 *
	 * @param <V> what a claim of one key returns
	 */
	@FunctionalInterface
	interface ClaimAll<V> {

		/** Claims each of {@code keys}; returns what each claim returned, by key. */
		Map<String, V> claimAll(Collection<String> keys) throws Exception;

	}

}
