package dev.sagents.supervisor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import dev.sagents.process.ProcessKey;

/** The most recent processes given up after too many crashes, newest first, for diagnostics. */
public final class ProcessFailureLog {

	private final int capacity;

	private final Deque<ProcessFailure> failures = new ArrayDeque<>();

	private long total;

	public ProcessFailureLog(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
		}
		this.capacity = capacity;
	}

	public synchronized void record(ProcessFailure failure) {
		this.failures.addFirst(failure);
		if (this.failures.size() > this.capacity) {
			this.failures.removeLast();
		}
		this.total++;
	}

	/** The kept failures, newest first. */
	public synchronized List<ProcessFailure> recent() {
		return List.copyOf(this.failures);
	}

	/** The newest kept failure of {@code key}, if it was given up and is still kept. */
	public synchronized Optional<ProcessFailure> latest(ProcessKey key) {
		return this.failures.stream().filter((failure) -> failure.key().equals(key)).findFirst();
	}

	/** How many failures were recorded since start, including those no longer kept. */
	public synchronized long total() {
		return this.total;
	}

}
