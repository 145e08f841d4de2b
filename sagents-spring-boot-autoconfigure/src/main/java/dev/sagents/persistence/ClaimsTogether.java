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
 * Claims of many agents asked for at once, sent to the {@link AgentStateStore} together: while one
 * {@link AgentStateStore#claimAll} is under way, the claims asked for meanwhile queue, and the
 * first caller to go next claims everything queued by then in one call. A failover hands this its
 * orphans a partition at a time, from several threads: they reach the store in a few calls, not
 * one per agent or per partition.
 */
final class ClaimsTogether {

	private final AgentStateStore store;

	private final Queue<Asked> queued = new ConcurrentLinkedQueue<>();

	/** Held while a call of the store is under way: one at a time, each taking all that is queued. */
	private final ReentrantLock claiming = new ReentrantLock();

	ClaimsTogether(AgentStateStore store) {
		this.store = store;
	}

	/** Claims {@code agentIds}, together with whatever else is asked for at the same time. */
	Map<String, StoredState> claim(Collection<String> agentIds) throws Exception {
		Asked asked = new Asked(Set.copyOf(agentIds), new CompletableFuture<>());
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
		List<Asked> taken = new ArrayList<>();
		Set<String> ids = new LinkedHashSet<>();
		for (Asked next = this.queued.poll(); next != null; next = this.queued.poll()) {
			taken.add(next);
			ids.addAll(next.agentIds());
		}
		try {
			Map<String, StoredState> claimed = this.store.claimAll(ids);
			for (Asked asked : taken) {
				asked.claimed()
					.complete(asked.agentIds()
						.stream()
						.filter(claimed::containsKey)
						.collect(Collectors.toMap((id) -> id, claimed::get)));
			}
		}
		catch (Exception | Error ex) {
			taken.forEach((asked) -> asked.claimed().completeExceptionally(ex));
		}
	}

	private record Asked(Set<String> agentIds, CompletableFuture<Map<String, StoredState>> claimed) {
	}

}
