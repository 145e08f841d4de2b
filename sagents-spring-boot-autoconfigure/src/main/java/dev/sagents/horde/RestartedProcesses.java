package dev.sagents.horde;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.sagents.process.ProcessKey;

/**
 * Where the processes of a member that failed were restarted, as the survivors that restarted them
 * announce it. A caller whose reference names a failed member asks here instead of reading the
 * registry over and over until the restart shows: the registry's partitions move for a second or
 * more after a member failed, and every read of a moving partition waits, so thousands of callers
 * polling it found their restarted processes hundreds of milliseconds after the restarts.
 *
 * <p>Only a hint: a process may have moved on or ended since it was announced, and the member it
 * runs on says so when called. A caller waits for the announcement only while the survivors
 * restart: {@code patience} after this member noticed the failure or, while announcements keep
 * arriving (tens of thousands of restarts take seconds), after the latest one; and not past its
 * call's deadline. Then it follows the registry (a process stopped for good before the failure, one
 * the survivors could not restart): a caller that gave up early would read the registry over and
 * over, on the partitions the survivors' claims write to. Announcements are kept for
 * {@code memory}, enough for the callers of the moment; a reference used later follows the
 * registry.
 */
final class RestartedProcesses {

	private final Map<ProcessKey, Location> restarted = new ConcurrentHashMap<>();

	private final WaitersByKey<CompletableFuture<Location>> waiting = new WaitersByKey<>();

	/** The members that failed, with when the wait for their processes' restarts ends ({@link System#nanoTime()}). */
	private final Map<String, Long> failed = new ConcurrentHashMap<>();

	private final Duration patience;

	private final Duration memory;

	private final Executor executor;

	private final ScheduledExecutorService timer;

	/**
	 * @param executor completes the waits (never on the Hazelcast thread that delivered the
	 * announcement)
	 */
	RestartedProcesses(Duration patience, Duration memory, Executor executor, ScheduledExecutorService timer) {
		this.patience = patience;
		this.memory = memory;
		this.executor = executor;
		this.timer = timer;
	}

	/** Member {@code member} failed: the survivors restart its processes now. */
	void memberFailed(String member) {
		long until = System.nanoTime() + this.patience.toNanos();
		this.failed.put(member, until);
		forgetAt(member, until);
	}

	/** Callers of {@code member}'s processes stop waiting for their restarts at {@code until}, unless renewed. */
	private void forgetAt(String member, long until) {
		this.timer.schedule(() -> this.failed.remove(member, until), until - System.nanoTime(), TimeUnit.NANOSECONDS);
	}

	/** The processes under {@code keys} were restarted at {@code location}. */
	void restarted(Collection<ProcessKey> keys, Location location) {
		// The survivors still restart: the patience with every member that failed counts from now
		// (an announcement does not say whose processes it restarted). Only a member still waited
		// for is renewed, and never to an earlier time by a concurrent announcement.
		long until = System.nanoTime() + this.patience.toNanos();
		for (String member : this.failed.keySet()) {
			Long kept = this.failed.computeIfPresent(member, (failed, before) -> (until - before > 0) ? until : before);
			if (kept != null && kept == until) {
				forgetAt(member, until);
			}
		}
		for (ProcessKey key : keys) {
			this.restarted.put(key, location);
			this.waiting.takeAll(key).forEach((wait) -> complete(wait, location));
		}
		List<ProcessKey> announced = List.copyOf(keys);
		this.timer.schedule(() -> announced.forEach((key) -> this.restarted.remove(key, location)),
				this.memory.toNanos(), TimeUnit.NANOSECONDS);
	}

	/** Forgets that {@code key} was restarted on {@code member}: it said it does not run it. */
	void notOn(ProcessKey key, String member) {
		this.restarted.computeIfPresent(key, (ignored, location) -> location.member().equals(member) ? null : location);
	}

	/**
	 * Where {@code key}, last known on {@code formerHost}, was restarted: at once if that was
	 * announced; else, if {@code formerHost} failed and its processes are being restarted, once it
	 * is, or {@code null} when the wait ends first (at {@code deadline} at the latest); {@code null}
	 * at once otherwise.
	 */
	CompletableFuture<Location> whereRestarted(ProcessKey key, String formerHost, long deadline) {
		Location known = this.restarted.get(key);
		if (known != null) {
			return CompletableFuture.completedFuture(known);
		}
		Long until = this.failed.get(formerHost);
		long now = System.nanoTime();
		if (until == null || until - now <= 0 || deadline - now <= 0) {
			return CompletableFuture.completedFuture(null);
		}
		CompletableFuture<Location> wait = new CompletableFuture<>();
		this.waiting.add(key, wait);
		Location raced = this.restarted.get(key);
		if (raced != null) {
			// Announced between the look and the wait.
			stopWaiting(key, wait);
			complete(wait, raced);
			return wait;
		}
		endWait(key, formerHost, wait, until, deadline);
		return wait;
	}

	/**
	 * Ends {@code wait} at {@code until}, or at {@code deadline} if that comes first; but if the
	 * patience with {@code formerHost} was renewed by then (announcements arrive), goes on waiting.
	 */
	private void endWait(ProcessKey key, String formerHost, CompletableFuture<Location> wait, long until,
			long deadline) {
		long now = System.nanoTime();
		this.timer.schedule(() -> {
			Long renewed = this.failed.get(formerHost);
			if (renewed != null && renewed != until && deadline - System.nanoTime() > 0 && !wait.isDone()) {
				endWait(key, formerHost, wait, renewed, deadline);
				return;
			}
			stopWaiting(key, wait);
			complete(wait, null);
		}, Math.min(until - now, deadline - now), TimeUnit.NANOSECONDS);
	}

	private void stopWaiting(ProcessKey key, CompletableFuture<Location> wait) {
		this.waiting.take(key, (waiting) -> waiting == wait);
	}

	private void complete(CompletableFuture<Location> wait, Location location) {
		this.executor.execute(() -> wait.complete(location));
	}

	/**
	 * Where a process runs.
	 *
	 * @param member the UUID of its member
	 * @param node that member's node name
	 */
	record Location(String member, String node) {
	}

}
