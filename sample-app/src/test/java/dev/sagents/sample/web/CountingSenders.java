package dev.sagents.sample.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
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
 * Failures (an answer other than 200, a connection refused or reset) are listed with the phase
 * the test said it was in.
 */
final class CountingSenders implements AutoCloseable {

	private final Supplier<List<SampleAppNode>> inService;

	/** Each agent's ledger, written only by the thread that sends to it. */
	private final Map<String, Ledger> ledgers = new ConcurrentHashMap<>();

	private final List<String> violations = new CopyOnWriteArrayList<>();

	private final List<String> failures = new CopyOnWriteArrayList<>();

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
				String violation = ledger.acknowledge(reply.handled());
				if (violation != null) {
					this.violations.add(id + " " + violation + " (on " + reply.node() + ", through " + via.name()
							+ ", " + phase + ")");
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
	 * Whether {@code handled}, the count a later message to {@code id} replied with, goes on from
	 * what this client saw, once closed.
	 */
	String checkNext(String id, long handled) {
		return this.ledgers.get(id).acknowledge(handled);
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

	/** One agent's count, as this client knows it. */
	private static final class Ledger {

		/** The last count acknowledged. */
		private volatile long last;

		/** How many replies came; read by the waiting test. */
		private volatile long acknowledged;

		/** Calls since the last acknowledged one that got no answer: each may have been handled. */
		private int unanswered;

		private Ledger(long last) {
			this.last = last;
		}

		/** Takes the count of a reply; what is wrong with it, or {@code null}. */
		private String acknowledge(long handled) {
			String violation = null;
			if (handled <= this.last) {
				violation = "counted " + handled + " after " + this.last + " was acknowledged: a change was lost";
			}
			else if (handled > this.last + 1 + this.unanswered) {
				violation = "counted " + handled + " after " + this.last + " with " + this.unanswered
						+ " calls unanswered since: a message was counted twice";
			}
			this.last = handled;
			this.unanswered = 0;
			this.acknowledged++;
			return violation;
		}

	}

}
