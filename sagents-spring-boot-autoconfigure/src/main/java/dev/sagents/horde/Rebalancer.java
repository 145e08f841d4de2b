package dev.sagents.horde;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.cluster.RebalanceMode;
import dev.sagents.cluster.UniformDistribution;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.registry.RegistryState;

/**
 * Active rebalancing ({@code sagents.horde.rebalance=active}) with bounded loads: when the members
 * change, each hosting member reads from the registry how many agents every hosting member hosts,
 * computes the same {@link BalancePlan} as the others, and sends its part of it: as a member above
 * the cap, {@code ceil(agents / members)}, its excess to the members below it ({@link Relocations},
 * the graceful handoff). Of the agents it hosts it sends first those the receiver owns under
 * placement (rendezvous hashing over the {@code alive} members), then those it does not own
 * itself, then others. So when a member joins, the agents it owns move to it, as many as it has
 * room for; the rest of each member's excess goes to it too, so every member ends with its share,
 * not with the lumpy spread of hashing a few agents (30 agents over three members: ±2.6).
 *
 * <p>Ownership only chooses which agents fill a transfer, never whether one moves. A step that
 * moved every agent to its owner would undo the evening: an agent sent to a member that does not
 * own it would go back to its owner at the next change (a member restarting in a rolling deploy),
 * piling the lumpy spread up again, and the even-out would send it away once more, twice the moves
 * on every change. Here a cluster where no member is above the cap moves nothing, whichever member
 * hosts which agent, and a change moves only what the new cap requires.
 *
 * <p>Moves go in batches of at most {@link HordeSettings.Rebalance#batchSize()}, one after the
 * other with {@link HordeSettings.Rebalance#interval()} between them; once a plan's transfers
 * went out the counts are read again (each read is one pass over the registry), so agents that
 * arrive meanwhile (handed off by a member that drains, restarted after one failed, sent by a
 * member that read the counts a moment earlier) are seen. A member with nothing to send looks
 * again every {@link #RECHECK} until the plan is balanced, the counts stayed as they were for a
 * {@link HordeSettings#requestTimeout() request timeout}, or {@link #RECHECK_FOR} passed since the
 * run began. A batch goes out only while this node runs; another change starts a new run, in place
 * of the one under way, which stops after its batch; the new run plans once that batch is done
 * (or a request timeout passed), so that its agents, hosted here until they left, are not planned
 * twice. File systems stay where they run,
 * and placement of new starts stays rendezvous hashing. With {@code passive} it does nothing.
 */
final class Rebalancer {

	private static final Logger logger = LoggerFactory.getLogger(Rebalancer.class);

	/** How often a member with nothing to send reads the counts again while others still move agents. */
	private static final long RECHECK = TimeUnit.MILLISECONDS.toNanos(500);

	/**
	 * How long after a run began a member with nothing to send still reads the counts again: with
	 * agents starting and stopping all along, the counts never stay still.
	 */
	private static final long RECHECK_FOR = TimeUnit.SECONDS.toNanos(60);

	private final NodeContext node;

	private final HostedProcesses hosted;

	private final Relocations relocations;

	private final Supplier<Map<String, Long>> agentsPerHost;

	private final IntSupplier agents;

	private final HordeSettings.Rebalance settings;

	/** The run under way: a batch of an earlier one is not followed by another. */
	private final AtomicLong runs = new AtomicLong();

	/** The batch under way, of whichever run: a new run plans once it is done. */
	private volatile CompletableFuture<?> inFlight = CompletableFuture.completedFuture(null);

	/**
	 * @param agentsPerHost how many agents each member hosts, by member id, by the registry; a member
	 * with none may be absent
	 * @param agents how many agents the registry holds
	 */
	Rebalancer(NodeContext node, HostedProcesses hosted, Relocations relocations,
			Supplier<Map<String, Long>> agentsPerHost, IntSupplier agents) {
		this.node = node;
		this.hosted = hosted;
		this.relocations = relocations;
		this.agentsPerHost = agentsPerHost;
		this.agents = agents;
		this.settings = node.settings().rebalance();
	}

	/**
	 * The members changed (one joined, or left): starts a run, in place of the one under way. On a
	 * Hazelcast event thread: the run goes on elsewhere.
	 */
	void membersChanged() {
		if (this.settings.mode() != RebalanceMode.ACTIVE || !this.node.state().hosts()) {
			return;
		}
		Run run = new Run(this.runs.incrementAndGet(), System.nanoTime());
		this.node.blocking().execute(() -> nextBatch(run));
	}

	/** Stops the run under way after its batch: this node drains or leaves. */
	void stop() {
		this.runs.incrementAndGet();
	}

	/**
	 * The next step of {@code run}: a batch of what its plan asks, or a new plan. One step at a time
	 * on this node, whichever run it belongs to; the first step of a run waits (a request timeout at
	 * most: an agent may be busy with a long call) for the batch an earlier run has under way, whose
	 * agents are still hosted here until they left, so that they are not planned twice.
	 */
	private synchronized void nextBatch(Run run) {
		if (run.number() != this.runs.get() || !this.node.state().is(RegistryState.RUNNING)) {
			return;
		}
		if (!this.inFlight.isDone() && run.awaitEarlierBatch()) {
			this.inFlight.copy()
				.completeOnTimeout(null, this.node.requestTimeout().toNanos(), TimeUnit.NANOSECONDS)
				.whenComplete((done, error) -> this.node.blocking().execute(() -> nextBatch(run)));
			return;
		}
		List<String> hosts = this.node.membership().hostIds();
		Map<String, List<ProcessKey>> batch = batch(run.pending(), hosts, run.tried());
		if (!batch.isEmpty()) {
			send(run, batch);
			return;
		}
		// What the last plan asked of this member went out: plan again from the counts now.
		BalancePlan plan;
		try {
			plan = plan(hosts, run);
		}
		catch (RuntimeException ex) {
			logger.debug("The registry did not count the agents of every member", ex);
			if (!doneLooking(run)) {
				recheck(run);
			}
			return;
		}
		run.pending().clear();
		run.pending().putAll(plan.sentBy(this.node.localMember()));
		batch = batch(run.pending(), hosts, run.tried());
		if (!batch.isEmpty()) {
			send(run, batch);
		}
		else if (plan.balanced() || doneLooking(run)) {
			if (run.moved().get() > 0) {
				logger.info("sagents node {} moved {} agents to even out the members (at most {} each), in {} ms",
						this.node.nodeName(), run.moved().get(), plan.cap(), Timing.millisSince(run.since()));
			}
		}
		else {
			recheck(run);
		}
	}

	/**
	 * Whether a member with nothing to send stops reading the counts: they stayed as they were for
	 * a request timeout (what is left above the cap does not move in this run), or
	 * {@link #RECHECK_FOR} passed since the run began.
	 */
	private boolean doneLooking(Run run) {
		long now = System.nanoTime();
		return run.quietSince() + this.node.requestTimeout().toNanos() - now < 0 || now - run.since() > RECHECK_FOR;
	}

	/** The plan from the registry's counts now; notes in {@code run} when they last changed. */
	private BalancePlan plan(List<String> hosts, Run run) {
		Map<String, Long> hostedBy = this.agentsPerHost.get();
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String host : hosts) {
			counts.put(host, hostedBy.getOrDefault(host, 0L).intValue());
		}
		run.counted(counts);
		return BalancePlan.of(counts, this.agents.getAsInt());
	}

	private void send(Run run, Map<String, List<ProcessKey>> batch) {
		CompletableFuture<?>[] moves = batch.entrySet().stream()
			.map((entry) -> this.relocations.move(entry.getKey(), entry.getValue()).thenAccept(run.moved()::addAndGet))
			.toArray(CompletableFuture[]::new);
		CompletableFuture<Void> sent = CompletableFuture.allOf(moves);
		this.inFlight = sent;
		sent.whenComplete((done, error) -> {
			if (error != null) {
				logger.warn("Moving agents to even out the members failed; the next batch tries others", error);
			}
			schedule(run, this.settings.interval().toNanos());
		});
	}

	private void recheck(Run run) {
		schedule(run, Math.max(RECHECK, this.settings.interval().toNanos()));
	}

	private void schedule(Run run, long delayNanos) {
		this.node.runtime().timer().schedule(() -> this.node.blocking().execute(() -> nextBatch(run)), delayNanos,
				TimeUnit.NANOSECONDS);
	}

	/**
	 * Up to a batch of the agents hosted here to send, by receiver, as {@code sent} (receiver to how
	 * many are still to go) asks, which it counts down; none tried in this run before: one that did
	 * not move stays until the next change. For each receiver, first the agents it owns under
	 * placement over {@code hosts}, then those owned by neither it nor this member, then those this
	 * member owns.
	 */
	private Map<String, List<ProcessKey>> batch(Map<String, Integer> sent, List<String> hosts, Set<ProcessKey> tried) {
		Map<String, List<ProcessKey>> batch = new LinkedHashMap<>();
		if (sent.isEmpty()) {
			return batch;
		}
		String self = this.node.localMember();
		Map<String, List<ProcessKey>> byOwner = new LinkedHashMap<>();
		for (ProcessKey key : this.hosted.keys(ProcessKind.AGENT)) {
			if (!tried.contains(key)) {
				byOwner.computeIfAbsent(UniformDistribution.owner(key, hosts).orElse(self), (owner) -> new ArrayList<>())
					.add(key);
			}
		}
		int room = this.settings.batchSize();
		for (Map.Entry<String, Integer> transfer : sent.entrySet()) {
			String receiver = transfer.getKey();
			List<String> preferred = new ArrayList<>();
			preferred.add(receiver);
			byOwner.keySet().stream().filter((owner) -> !owner.equals(receiver) && !owner.equals(self)).forEach(preferred::add);
			preferred.add(self);
			int wanted = Math.min(transfer.getValue(), room);
			List<ProcessKey> keys = new ArrayList<>();
			for (String owner : preferred) {
				List<ProcessKey> owned = byOwner.getOrDefault(owner, List.of());
				while (keys.size() < wanted && !owned.isEmpty()) {
					keys.add(owned.remove(owned.size() - 1));
				}
			}
			if (!keys.isEmpty()) {
				tried.addAll(keys);
				batch.put(receiver, keys);
				room -= keys.size();
				transfer.setValue(transfer.getValue() - keys.size());
			}
		}
		sent.values().removeIf((left) -> left == 0);
		return batch;
	}

	/** One run of rebalancing. */
	private static final class Run {

		private final long number;

		private final long since;

		private final Set<ProcessKey> tried = new HashSet<>();

		private final AtomicInteger moved = new AtomicInteger();

		private final Map<String, Integer> pending = new LinkedHashMap<>();

		private Map<String, Integer> lastCounts = Map.of();

		private long quietSince;

		private boolean awaited;

		/**
		 * @param number which run it is
		 * @param since when it began ({@link System#nanoTime()})
		 */
		Run(long number, long since) {
			this.number = number;
			this.since = since;
			this.quietSince = since;
		}

		/** Whether to wait for an earlier run's batch: once only, at this run's first step. */
		boolean awaitEarlierBatch() {
			boolean first = !this.awaited;
			this.awaited = true;
			return first;
		}

		long number() {
			return this.number;
		}

		long since() {
			return this.since;
		}

		/** The agents this run tried to move. */
		Set<ProcessKey> tried() {
			return this.tried;
		}

		/** What the last plan asks of this member and was not sent yet: receiver to how many. */
		Map<String, Integer> pending() {
			return this.pending;
		}

		/** How many agents this run moved. */
		AtomicInteger moved() {
			return this.moved;
		}

		/** Since when the counts read by this run stayed as they are ({@link System#nanoTime()}). */
		long quietSince() {
			return this.quietSince;
		}

		/** Notes the counts read now. */
		void counted(Map<String, Integer> counts) {
			if (!Objects.equals(counts, this.lastCounts)) {
				this.lastCounts = counts;
				this.quietSince = System.nanoTime();
			}
		}

	}

}
