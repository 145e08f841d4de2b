package dev.sagents.filesystem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The paths of a {@link FileSystemState} changed in memory but not yet in persistence, each with
 * the time it is due. Each change moves its path to the end, so the order is the order of the last
 * changes, and persisting in it replays them as they happened (a folder's last file is deleted
 * before a file of the folder's name is written). Owned by the thread of its file system.
 */
final class PendingChanges {

	private final LinkedHashMap<String, Instant> dueTimes = new LinkedHashMap<>();

	/** Marks {@code path} changed, due at {@code dueAt}, as the latest change. */
	void mark(String path, Instant dueAt) {
		this.dueTimes.remove(path);
		this.dueTimes.put(path, dueAt);
	}

	/** {@code path} reached persistence. */
	void persisted(String path) {
		this.dueTimes.remove(path);
	}

	/** Whether {@code path} waits to be persisted. */
	boolean contains(String path) {
		return this.dueTimes.containsKey(path);
	}

	/** Every pending path, in the order of their last changes. */
	List<String> paths() {
		return new ArrayList<>(this.dueTimes.keySet());
	}

	/** The pending paths due at {@code now}, in the order of their last changes. */
	List<String> due(Instant now) {
		List<String> due = new ArrayList<>();
		this.dueTimes.forEach((path, dueAt) -> {
			if (!dueAt.isAfter(now)) {
				due.add(path);
			}
		});
		return due;
	}

	/** The delay from {@code now} until the next path is due (zero if overdue); empty when none is pending. */
	Optional<Duration> nextDueIn(Instant now) {
		return this.dueTimes.values()
			.stream()
			.min(Instant::compareTo)
			.map((dueAt) -> dueAt.isAfter(now) ? Duration.between(now, dueAt) : Duration.ZERO);
	}

	/** Forgets every pending path. */
	void clear() {
		this.dueTimes.clear();
	}

}
