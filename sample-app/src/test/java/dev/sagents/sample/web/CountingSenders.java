package dev.sagents.sample.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.sagents.sample.notes.NoteReply;
import dev.sagents.sample.web.ApiClient.Response;

import static dev.sagents.sample.web.SampleAppCluster.FAILOVER;
import static dev.sagents.sample.web.SampleAppCluster.noteReply;
import static dev.sagents.sample.web.SampleAppCluster.polling;
import static dev.sagents.sample.web.SampleAppCluster.tell;

/**
 * Threads that send messages to agents in the background until closed, each agent from one
 * thread, one message at a time and never retried, each through a node picked at random among
 * those in service at that moment. What they check is what a client of a write-through store may
 * rely on: the count an agent replies with goes on from the last one acknowledged to this client
 * (no acknowledged change lost) by one, plus at most one for each call since that failed without
 * an answer (which may or may not have been handled), never more (no message counted twice).
 * With a coalesced store, a node's crash ({@link #killing}) may take back the changes it
 * acknowledged shortly before it: only those, and they are listed ({@link #losses()}).
 * Failures (an answer other than 200, a connection refused or reset) are listed with the phase
 * the test said it was in.
 */
final class CountingSenders implements AutoCloseable {

	private final Supplier<List<SampleAppNode>> inService;

	/** Each agent's ledger, written only by the thread that sends to it. */
	private final Map<String, Ledger> ledgers = new ConcurrentHashMap<>();

	private final List<String> violations = new CopyOnWriteArrayList<>();

	private final List<String> failures = new CopyOnWriteArrayList<>();

	private final List<String> losses = new CopyOnWriteArrayList<>();

	/** The crash whose recent acknowledgements may be lost, or {@code null}: none may. */
	private volatile Crash crash;

	private final List<Thread> threads = new ArrayList<>();

	private final List<AtomicLong> rounds = new ArrayList<>();

	private volatile String phase = "start";

	private volatile boolean stopping;

	/**
	 * @param threads how many threads send
	 * @param handled each agent's count, as last acknowledged
	 * @param inService the nodes a message may be sent through now
	 */
	CountingSenders(int threads, Map<String, Long> handled, Supplier<List<SampleAppNode>> inService) {
		this.inService = inService;
		List<List<String>> agents = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			agents.add(new ArrayList<>());
			this.rounds.add(new AtomicLong());
		}
		int next = 0;
		for (Map.Entry<String, Long> agent : handled.entrySet()) {
			this.ledgers.put(agent.getKey(), new Ledger(agent.getValue()));
			agents.get(next++ % threads).add(agent.getKey());
		}
		for (int i = 0; i < threads; i++) {
			List<String> own = agents.get(i);
			AtomicLong ownRounds = this.rounds.get(i);
			Thread thread = new Thread(() -> run(own, ownRounds), "sender-" + i);
			thread.setDaemon(true);
			this.threads.add(thread);
		}
		this.threads.forEach(Thread::start);
	}

	private void run(List<String> agents, AtomicLong rounds) {
		while (!this.stopping) {
			for (String id : agents) {
				send(id);
			}
			rounds.incrementAndGet();
		}
	}

	private void send(String id) {
		Ledger ledger = this.ledgers.get(id);
		List<SampleAppNode> nodes = this.inService.get();
		SampleAppNode via = nodes.get(ThreadLocalRandom.current().nextInt(nodes.size()));
		String phase = this.phase;
		try {
			Response response = tell(via, id);
			if (response.status() == 200) {
				NoteReply reply = noteReply(response);
				String violation = checkNext(id, reply);
				if (violation != null) {
					this.violations.add(violation + " (through " + via.name() + ", " + phase + ")");
				}
				return;
			}
			this.failures.add(phase + ": " + id + " through " + via.name() + " answered " + response.status() + ": "
					+ response.body());
		}
		catch (RuntimeException ex) {
			this.failures.add(phase + ": " + id + " through " + via.name() + ": " + ex);
		}
		ledger.unanswered++;
	}

	/** Names what the test does from now on, for the failures listed. */
	void phase(String phase) {
		this.phase = phase;
	}

	/** Waits until every thread went once more through all its agents: no call begun before is under way. */
	void awaitRound() {
		List<Long> begun = this.rounds.stream().map(AtomicLong::get).toList();
		for (int i = 0; i < this.rounds.size(); i++) {
			AtomicLong rounds = this.rounds.get(i);
			long before = begun.get(i);
			polling(FAILOVER).until(() -> rounds.get() >= before + 2);
		}
	}

	/** Waits until every agent acknowledged a message sent from now on. */
	void awaitEveryAgentAcknowledged() {
		Map<String, Long> before = new HashMap<>();
		this.ledgers.forEach((id, ledger) -> before.put(id, ledger.acknowledged));
		this.ledgers.forEach((id, ledger) -> polling(FAILOVER).until(() -> ledger.acknowledged > before.get(id)));
	}

	/** The replies that broke the count, as described above. */
	List<String> violations() {
		return this.violations;
	}

	/** The calls that got no answer or one other than 200, with the phase each came in. */
	List<String> failures() {
		return this.failures;
	}

	/**
	 * Whether {@code reply}, to a later message to {@code id}, goes on from what this client saw
	 * (or after a crash's allowed loss): what is wrong with it, or {@code null}. Also used once closed.
	 */
	String checkNext(String id, NoteReply reply) {
		Ledger ledger = this.ledgers.get(id);
		long last = ledger.last;
		String violation = ledger.acknowledge(reply, this.crash);
		if (violation != null) {
			return id + " " + violation + " (on " + reply.node() + ")";
		}
		if (reply.handled() <= last) {
			this.losses.add(id + ": counts " + reply.handled() + " to " + last + " lost, the oldest acknowledged "
					+ ledger.oldestLostAgeMillis + " ms before the kill signal (negative: after it, as the node died)");
		}
		return null;
	}

	/**
	 * Node {@code node} is about to be sent SIGKILL: changes it acknowledged from {@code lossBound}
	 * before now until it has exited ({@link #killed()}) may be lost from now on; any other loss is
	 * still a violation.
	 */
	void killing(String node, Duration lossBound) {
		long now = System.nanoTime();
		this.crash = new Crash(node, now - lossBound.toNanos(), now, Long.MAX_VALUE);
	}

	/** The node {@link #killing} named has exited: nothing it acknowledged later is its crash's loss. */
	void killed() {
		Crash killing = this.crash;
		this.crash = new Crash(killing.node(), killing.lossFrom(), killing.signalled(), System.nanoTime());
	}

	/** The changes a crash took back, one line per agent, as they showed. */
	List<String> losses() {
		return this.losses;
	}

	/** Stops after the calls under way, and waits for them. */
	@Override
	public void close() {
		this.stopping = true;
		for (Thread thread : this.threads) {
			try {
				thread.join(FAILOVER.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** A node's crash: acknowledgements it sent between {@code lossFrom} and {@code exited} may be lost. */
	private record Crash(String node, long lossFrom, long signalled, long exited) {

		private boolean mayHaveLost(Acknowledgement acknowledgement) {
			return acknowledgement.node().equals(this.node) && acknowledgement.at() >= this.lossFrom
					&& acknowledgement.at() <= this.exited;
		}

	}

	/** A reply with count {@code handled}, from the agent on {@code node}, received at {@code at} (nanoTime). */
	private record Acknowledgement(long handled, String node, long at) {
	}

	/** One agent's count, as this client knows it. */
	private static final class Ledger {

		/** How long acknowledgements are remembered: far longer than any crash may take back. */
		private static final long MEMORY_NANOS = Duration.ofSeconds(60).toNanos();

		/** The last count acknowledged. */
		private volatile long last;

		/** How many replies came; read by the waiting test. */
		private volatile long acknowledged;

		/** Calls since the last acknowledged one that got no answer: each may have been handled. */
		private int unanswered;

		/** The acknowledgements of the last {@link #MEMORY_NANOS}, oldest first. */
		private final Deque<Acknowledgement> recent = new ArrayDeque<>();

		/** The highest count forgotten (or acknowledged before): a loss reaching back to it cannot be excused. */
		private long forgotten;

		/** With the last loss excused: how long before the crash its oldest change was acknowledged. */
		private long oldestLostAgeMillis;

		private Ledger(long last) {
			this.last = last;
			this.forgotten = last;
		}

		/** Takes a reply; what is wrong with it, or {@code null}. */
		private String acknowledge(NoteReply reply, Crash crash) {
			long handled = reply.handled();
			String violation = null;
			if (handled <= this.last) {
				violation = excuseLoss(handled, crash);
			}
			else if (handled > this.last + 1 + this.unanswered) {
				violation = "counted " + handled + " after " + this.last + " with " + this.unanswered
						+ " calls unanswered since: a message was counted twice";
			}
			long now = System.nanoTime();
			this.recent.removeIf((acknowledgement) -> acknowledgement.handled() >= handled);
			this.recent.addLast(new Acknowledgement(handled, reply.node(), now));
			while (this.recent.peekFirst().at() < now - MEMORY_NANOS) {
				this.forgotten = Math.max(this.forgotten, this.recent.removeFirst().handled());
			}
			this.last = handled;
			this.unanswered = 0;
			this.acknowledged++;
			return violation;
		}

		/**
		 * The acknowledged changes from count {@code handled} on were lost: excused only if {@code crash}
		 * may have lost each; else what is wrong.
		 */
		private String excuseLoss(long handled, Crash crash) {
			String lost = "counted " + handled + " after " + this.last + " was acknowledged: a change was lost";
			if (crash == null || handled <= this.forgotten) {
				return lost;
			}
			List<Acknowledgement> taken = this.recent.stream()
				.filter((acknowledgement) -> acknowledgement.handled() >= handled)
				.toList();
			List<String> unexcused = taken.stream()
				.filter((acknowledgement) -> !crash.mayHaveLost(acknowledgement))
				.map((acknowledgement) -> acknowledgement.handled() + " on " + acknowledgement.node() + " "
						+ TimeUnit.NANOSECONDS.toMillis(crash.signalled() - acknowledgement.at()) + " ms before the kill")
				.toList();
			if (!unexcused.isEmpty()) {
				return lost + ", beyond what the crash of " + crash.node() + " may lose: " + unexcused;
			}
			this.oldestLostAgeMillis = TimeUnit.NANOSECONDS.toMillis(crash.signalled() - taken.get(0).at());
			return null;
		}

	}

}
