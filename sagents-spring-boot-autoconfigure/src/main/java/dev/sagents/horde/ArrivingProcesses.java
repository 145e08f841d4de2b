package dev.sagents.horde;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import dev.sagents.process.ProcessKey;

/**
 * Messages that reached the next owner of a draining member's process before the process did.
 * Callers that know a member drains send straight to where its processes go (every member
 * computes the same owner), so each message takes one hop instead of a detour through the leaving
 * member. A message waits here until its process starts (the handoff brings it within moments),
 * or, at the latest, until the draining member left or {@code patience} passed: the process may
 * never come here if the caller's view of the members differed, or if it was stopped for good.
 * Then the message is handled as any other that finds no process (it follows the registry).
 */
final class ArrivingProcesses {

	private final WaitersByKey<Waiting> waiting = new WaitersByKey<>();

	private final Duration patience;

	private final Executor executor;

	private final ScheduledExecutorService timer;

	/**
	 * @param executor handles the messages that waited (never on the thread that started the
	 * process, which may be starting thousands)
	 */
	ArrivingProcesses(Duration patience, Executor executor, ScheduledExecutorService timer) {
		this.patience = patience;
		this.executor = executor;
		this.timer = timer;
	}

	/**
	 * Holds a message for {@code key}, which {@code from} is handing off to this member, until the
	 * process started here or the wait is over; then {@code handle} runs. The caller checks
	 * afterwards whether the process started meanwhile (then {@link #started}).
	 */
	void await(ProcessKey key, String from, Runnable handle) {
		Waiting message = new Waiting(from, handle);
		this.waiting.add(key, message);
		this.timer.schedule(() -> release(key, (waiting) -> waiting == message), this.patience.toNanos(),
				TimeUnit.NANOSECONDS);
	}

	/** Delivers the messages waiting for {@code key}, which started here. */
	void started(ProcessKey key) {
		this.waiting.takeAll(key).forEach((message) -> this.executor.execute(message.handle));
	}

	/** Gives up on the processes {@code member} was handing off: it left, and the registry says where they are. */
	void memberLeft(String member) {
		for (ProcessKey key : this.waiting.keys()) {
			release(key, (message) -> message.from.equals(member));
		}
	}

	/** Ends the wait of the messages for {@code key} that match {@code which} and still wait. */
	private void release(ProcessKey key, Predicate<Waiting> which) {
		this.waiting.take(key, which).forEach((message) -> this.executor.execute(message.handle));
	}

	private record Waiting(String from, Runnable handle) {
	}

}
