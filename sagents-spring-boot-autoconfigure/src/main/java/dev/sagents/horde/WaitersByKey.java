package dev.sagents.horde;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import dev.sagents.process.ProcessKey;

/**
 * Whatever waits for something to happen to a process, by process key, in the order it came. Each
 * change to a key's waiters is atomic, so a waiter added while others are taken is either taken
 * with them or stays; a key with no waiter left takes no room.
 *
 * @param <T> the waiters
 */
final class WaitersByKey<T> {

	private final Map<ProcessKey, List<T>> waiters = new ConcurrentHashMap<>();

	void add(ProcessKey key, T waiter) {
		this.waiters.compute(key, (ignored, list) -> {
			List<T> waiting = (list != null) ? list : new ArrayList<>(1);
			waiting.add(waiter);
			return waiting;
		});
	}

	/** Takes every waiter of {@code key}, in the order they came. */
	List<T> takeAll(ProcessKey key) {
		List<T> taken = this.waiters.remove(key);
		return (taken != null) ? taken : List.of();
	}

	/** Takes the waiters of {@code key} that match {@code which}, in the order they came. */
	List<T> take(ProcessKey key, Predicate<T> which) {
		List<T> taken = new ArrayList<>(1);
		this.waiters.computeIfPresent(key, (ignored, waiting) -> {
			waiting.removeIf((waiter) -> which.test(waiter) && taken.add(waiter));
			return waiting.isEmpty() ? null : waiting;
		});
		return taken;
	}

	/** The keys that have waiters now. */
	Set<ProcessKey> keys() {
		return this.waiters.keySet();
	}

}
