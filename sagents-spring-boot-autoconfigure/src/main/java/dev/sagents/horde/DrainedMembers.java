package dev.sagents.horde;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.sagents.cluster.UniformDistribution;
import dev.sagents.process.ProcessKey;

/**
 * The members that drained and left a moment ago. A draining member hands each process to its
 * next owner by placement (rendezvous hashing over the {@code alive} members), so a call whose
 * reference still names such a member goes there at once instead of reading the registry first:
 * after a member with tens of thousands of processes left, that is one registry read fewer for
 * each call (casts follow the registry as before). Only a hint, as a restart announcement is: a
 * process that went elsewhere (the owner refused it, or the members changed meanwhile) is not
 * found there, and the caller follows the registry then. A member is remembered for
 * {@code memory}, enough for the callers of the moment.
 */
final class DrainedMembers {

	/**
	 * The members that drained and left, each with the {@link System#nanoTime()} it was to be
	 * forgotten at when remembered: only the timer of that remembering forgets it.
	 */
	private final Map<String, Long> drained = new ConcurrentHashMap<>();

	private final Supplier<List<String>> hosts;

	private final Duration memory;

	private final ScheduledExecutorService timer;

	/** @param hosts the members that may host processes now ({@link HordeMembership#hostIds()}) */
	DrainedMembers(Supplier<List<String>> hosts, Duration memory, ScheduledExecutorService timer) {
		this.hosts = hosts;
		this.memory = memory;
		this.timer = timer;
	}

	/** Member {@code member} left after it drained: it handed its processes off. */
	void memberDrained(String member) {
		long until = System.nanoTime() + this.memory.toNanos();
		this.drained.put(member, until);
		this.timer.schedule(() -> this.drained.remove(member, until), this.memory.toNanos(), TimeUnit.NANOSECONDS);
	}

	/** Whether {@code member} drained and left a moment ago. */
	boolean remembers(String member) {
		return this.drained.containsKey(member);
	}

	/**
	 * The member {@code key} was handed to, if {@code formerHost} drained and left a moment ago and
	 * a member may host it; else {@code null}.
	 */
	String handedTo(ProcessKey key, String formerHost) {
		if (!this.drained.containsKey(formerHost)) {
			return null;
		}
		return UniformDistribution.owner(key, this.hosts.get()).orElse(null);
	}

}
