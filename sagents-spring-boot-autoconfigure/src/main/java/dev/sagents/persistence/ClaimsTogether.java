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
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims of many keys asked for at once (agents of an {@link AgentStateStore}, scopes of a
 * {@link FileSystemStore}), sent to the store together: up to {@link #CALLS_AT_ONCE} claims of many
 * go at the same time, each claiming everything queued when it goes; while that many are under
 * way, the claims asked for meanwhile queue, and the first caller to go next claims all of them in
 * one call. A failover hands this its orphans a partition at a time, from several threads: they
 * reach the store in a few calls, not one per process or per partition, and a partition's claims
 * do not wait for the call of a bigger batch ahead of them to end.
 *
 * @param <V> what a claim of one key returns
 */
final class ClaimsTogether<V> {

	/**
	 * How many calls of the store go at once at most: each holds a connection of the database's
	 * pool (10 by default) while it runs, and the processes' writes need some too. Per storage: a
	 * node whose agents and file systems both claim from a database may run twice as many.
	 */
	static final int CALLS_AT_ONCE = 4;

	private static final Logger logger = LoggerFactory.getLogger(ClaimsTogether.class);

	private final ClaimAll<V> store;

	private final Queue<Asked<V>> queued = new ConcurrentLinkedQueue<>();

	/** A permit per call of the store under way; each call takes all that is queued. */
	private final Semaphore calls;

	/** @param store the store's claim of many keys at once, such as {@link AgentStateStore#claimAll} */
	ClaimsTogether(ClaimAll<V> store) {
		this(store, CALLS_AT_ONCE);
	}

	/**
	 * @param store the store's claim of many keys at once
	 * @param callsAtOnce how many calls of {@code store} may be under way at once
	 */
	ClaimsTogether(ClaimAll<V> store, int callsAtOnce) {
		if (callsAtOnce < 1) {
			throw new IllegalArgumentException("callsAtOnce must be 1 or more; got " + callsAtOnce);
		}
		this.store = store;
		this.calls = new Semaphore(callsAtOnce);
	}

	/** Claims {@code keys}, together with whatever else is asked for at the same time. */
	Map<String, V> claim(Collection<String> keys) throws Exception {
		Asked<V> asked = new Asked<>(Set.copyOf(keys), new CompletableFuture<>(), System.nanoTime());
		this.queued.add(asked);
		this.calls.acquireUninterruptibly();
		try {
			// Still queued, or taken by a call under way (which answers it): this call takes it if
			// it is still there, and whatever else is.
			if (!asked.claimed().isDone()) {
				claimQueued();
			}
		}
		finally {
			this.calls.release();
		}
		try {
			return asked.claimed().get();
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

	/** How many askers wait for a call of the store to take their claims (none under way has). */
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
		if (taken.isEmpty()) {
			return;
		}
		long going = System.nanoTime();
		try {
			Map<String, V> claimed = this.store.claimAll(keys);
			if (logger.isDebugEnabled()) {
				logger.debug("Claimed {} keys for {} askers in {} ms, the first asked {} ms before", keys.size(),
						taken.size(), (System.nanoTime() - going) / 1_000_000,
						(going - taken.get(0).askedAt()) / 1_000_000);
			}
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

	private record Asked<V>(Set<String> keys, CompletableFuture<Map<String, V>> claimed, long askedAt) {
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
