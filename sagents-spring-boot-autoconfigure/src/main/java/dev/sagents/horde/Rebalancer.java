package dev.sagents.horde;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.cluster.RebalanceMode;
import dev.sagents.cluster.UniformDistribution;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.registry.RegistryState;

/**
 * Active rebalancing ({@code sagents.horde.rebalance=active}): when the members change, this node
 * moves the agents it hosts whose owner under placement is now another member to that member
 * ({@link Relocations}), in batches of at most {@link HordeSettings.Rebalance#batchSize()}, one
 * after the other with {@link HordeSettings.Rebalance#interval()} between them. A batch goes out
 * only while this node runs; another change starts a new run, which looks again at where every
 * agent belongs, and the run under way stops after its batch. File systems stay where they run.
 * With {@code passive} it does nothing.
 */
final class Rebalancer {

	private static final Logger logger = LoggerFactory.getLogger(Rebalancer.class);

	private final NodeContext node;

	private final HostedProcesses hosted;

	private final Relocations relocations;

	private final HordeSettings.Rebalance settings;

	/** The run under way: a batch of an earlier one is not followed by another. */
	private final AtomicLong runs = new AtomicLong();

	Rebalancer(NodeContext node, HostedProcesses hosted, Relocations relocations) {
		this.node = node;
		this.hosted = hosted;
		this.relocations = relocations;
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

	private void nextBatch(Run run) {
		if (run.number() != this.runs.get() || !this.node.state().is(RegistryState.RUNNING)) {
			return;
		}
		Map<String, List<ProcessKey>> batch = misplaced(run.tried());
		if (batch.isEmpty()) {
			if (run.moved().get() > 0) {
				logger.info("sagents node {} moved {} agents to the members that own them now, in {} ms",
						this.node.nodeName(), run.moved().get(), Timing.millisSince(run.since()));
			}
			return;
		}
		CompletableFuture<?>[] moves = batch.entrySet().stream()
			.map((entry) -> this.relocations.move(entry.getKey(), entry.getValue()).thenAccept(run.moved()::addAndGet))
			.toArray(CompletableFuture[]::new);
		CompletableFuture.allOf(moves).whenComplete((done, error) -> {
			if (error != null) {
				logger.warn("Moving agents to the members that own them now failed; the next batch tries others", error);
			}
			this.node.runtime().timer().schedule(() -> this.node.blocking().execute(() -> nextBatch(run)),
					this.settings.interval().toNanos(), TimeUnit.NANOSECONDS);
		});
	}

	/**
	 * Up to a batch of the agents hosted here that another member owns now, by owner, none tried in
	 * this run before: one that did not move stays until the next change.
	 */
	private Map<String, List<ProcessKey>> misplaced(Set<ProcessKey> tried) {
		String self = this.node.localMember();
		List<String> hosts = this.node.membership().hostIds();
		Map<String, List<ProcessKey>> byOwner = new LinkedHashMap<>();
		int size = 0;
		for (ProcessKey key : this.hosted.keys(ProcessKind.AGENT)) {
			if (size == this.settings.batchSize()) {
				break;
			}
			String owner = UniformDistribution.owner(key, hosts).orElse(self);
			if (!owner.equals(self) && tried.add(key)) {
				byOwner.computeIfAbsent(owner, (member) -> new ArrayList<>()).add(key);
				size++;
			}
		}
		return byOwner;
	}

	/**
	 * One run of rebalancing.
	 *
	 * @param number which run it is
	 * @param since when it began ({@link System#nanoTime()})
	 * @param tried the agents it tried to move
	 * @param moved how many it moved
	 */
	private record Run(long number, long since, Set<ProcessKey> tried, AtomicInteger moved) {

		Run(long number, long since) {
			this(number, since, new HashSet<>(), new AtomicInteger());
		}

	}

}
