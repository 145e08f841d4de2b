package dev.sagents.horde;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.cluster.UniformDistribution;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.registry.RegistryState;

/**
 * Failover: when a member leaves, each survivor restarts the share of its processes it owns now,
 * from their registered spec, with state from persistence. A survivor takes an orphan with a claim
 * ({@link RegistrationClaim}) that moves the registration to itself only if its host is not a
 * member any more, so exactly one survivor wins. It first takes the orphans whose registry entries
 * it holds itself (claimed on its own partitions as they arrive, with no query), then runs full passes
 * until no orphan is left, and tells every member where it restarted them
 * ({@link RestartedProcesses}). A sweep every {@link #RECOVERY_SWEEP} catches a departure nobody
 * noticed. A node that hosts nothing (a proxy) restarts nothing: it only stops waiting on the
 * member that left and follows the survivors' announcements.
 */
final class Recovery {

	private static final Logger logger = LoggerFactory.getLogger(Recovery.class);

	/**
	 * How often a member looks for processes whose host left while nobody noticed (a missed event).
	 * Each look scans the whole registry, so it is a safety net, not the way failover happens.
	 */
	private static final Duration RECOVERY_SWEEP = Duration.ofSeconds(5);

	/** The pause between two recovery passes right after a member left. */
	private static final Duration RECOVERY_PASS_PAUSE = Duration.ofMillis(100);

	/**
	 * How often the fast path of a recovery looks whether partitions arrived here: a look is cheap
	 * (the partition table is local), a scan of the registry is not.
	 */
	private static final Duration PARTITION_ARRIVAL_CHECK = Duration.ofMillis(20);

	private final NodeContext node;

	private final HazelcastInstance hazelcast;

	private final ClusterRegistry registry;

	private final OrphanRestarts restarts;

	private final RestartedProcesses restartedProcesses;

	private final ArrivingProcesses arriving;

	private final HordeEvents events;

	private final LongSupplier merges;

	private final FailoverTiming failovers;

	/** Whether a periodic sweep runs: one at a time, so sweeps stuck on a hung member do not pile up. */
	private final AtomicBoolean sweeping = new AtomicBoolean();

	private ScheduledFuture<?> recoverySweep;

	/**
	 * @param hazelcast the member, whose partition table tells which registry entries it holds
	 * @param restarts starts here the orphans claimed for this member, and tells every member
	 * @param merges how many times this node began to merge into another cluster after a split
	 * brain
	 * @param failovers told when each orphan was noticed, so that its restart is timed from then
	 */
	Recovery(NodeContext node, HazelcastInstance hazelcast, ClusterRegistry registry,
			OrphanRestarts restarts, RestartedProcesses restartedProcesses, ArrivingProcesses arriving,
			HordeEvents events, LongSupplier merges, FailoverTiming failovers) {
		this.node = node;
		this.hazelcast = hazelcast;
		this.registry = registry;
		this.restarts = restarts;
		this.restartedProcesses = restartedProcesses;
		this.arriving = arriving;
		this.events = events;
		this.merges = merges;
		this.failovers = failovers;
	}

	/** Sweeps every {@link #RECOVERY_SWEEP} from now on, and runs a first recovery pass at once. */
	void startSweeps() {
		long sweep = RECOVERY_SWEEP.toMillis();
		this.recoverySweep = this.node.runtime()
			.timer()
			.scheduleWithFixedDelay(() -> this.node.blocking().execute(this::sweep), sweep, sweep,
					TimeUnit.MILLISECONDS);
		this.node.blocking().execute(this::recoverOrphans);
	}

	/** Stops sweeping: this node leaves. */
	void stopSweeps() {
		if (this.recoverySweep != null) {
			this.recoverySweep.cancel(false);
		}
	}

	/**
	 * A member left: calls waiting on it fail, messages waiting for its handoff stop waiting,
	 * callers of a failed member's processes wait for the survivors' announcements, and this node
	 * restarts its share of the member's processes. Called on a Hazelcast event thread: the
	 * recovery runs on a blocking thread.
	 */
	void memberLeft(HordeMembership.Departure departure) {
		long noticed = this.failovers.now();
		long mergesBefore = this.merges.getAsLong();
		this.node.transport().memberLeft(departure.member(), departure.graceful());
		this.arriving.memberLeft(departure.member());
		if (!departure.graceful()) {
			this.restartedProcesses.memberFailed(departure.member());
		}
		this.node.blocking().execute(() -> {
			long start = System.nanoTime();
			try {
				this.events.stopRelayingTo(departure.member());
				String how = departure.graceful() ? "gracefully" : "failed";
				if (this.node.state().hosts()) {
					int restarted = recoverDeparted(noticed);
					logger.info("Member {} left the horde ({}); {} of its processes restarted here in {} ms",
							departure.node(), how, restarted, Timing.millisSince(start));
				}
				else {
					logger.info("Member {} left the horde ({})", departure.node(), how);
				}
				// After the recovery: destroying the departed member's inbox waits for every member to answer.
				if (leftForGood(departure.member(), mergesBefore)) {
					this.node.transport().forget(departure.member());
					if (this.node.membership().isOldestMember()) {
						this.events.forgetSubscriber(departure.member());
					}
				}
			}
			catch (RuntimeException ex) {
				// This node may be stopping too; if not, the periodic sweep restarts what is left.
				if (this.node.state().is(RegistryState.RUNNING)) {
					logger.warn("Handling the departure of member {} failed; the sweep every {} goes on",
							departure.node(), RECOVERY_SWEEP, ex);
				}
			}
		});
	}

	/**
	 * Whether {@code member}, seen leaving when {@link #merges} was {@code mergesBefore}, is gone
	 * for good: cleaning up after it cluster-wide is safe. Not if this node merged (or is merging)
	 * into a cluster since: then the member may have stayed on the other side of a split brain,
	 * alive, and its inbox and subscriptions must stay. (Its status entry is removed at once, on
	 * the event thread; a live member writes it again, see {@link HordeMembership#reannounceIfLost}.)
	 */
	private boolean leftForGood(String member, long mergesBefore) {
		return this.merges.getAsLong() == mergesBefore && !this.node.membership().isMember(member);
	}

	/** The periodic check for processes whose member left while nobody noticed (a missed event). */
	private void sweep() {
		if (this.sweeping.compareAndSet(false, true)) {
			try {
				this.node.membership().pruneDeparted();
				this.node.membership().reannounceIfLost(this.node.state().memberStatus());
				recoverOrphans(this.failovers.now());
			}
			catch (RuntimeException ex) {
				if (this.node.state().is(RegistryState.RUNNING)) {
					logger.warn("The periodic sweep failed; the next one is in {}", RECOVERY_SWEEP, ex);
				}
			}
			finally {
				this.sweeping.set(false);
			}
		}
	}

	/**
	 * Restarts, here, every process registered on a member that is gone and that this node owns
	 * now. The compare-and-set on the registration makes each restart happen exactly once, even if
	 * two members briefly disagree on the owner. Returns what the pass found; after a failure, as
	 * if orphans were left.
	 */
	RecoveryPass recoverOrphans() {
		return recoverOrphans(this.failovers.now());
	}

	/** As {@link #recoverOrphans()}, for orphans noticed at {@code noticed} (a departure event's time, or now). */
	private RecoveryPass recoverOrphans(long noticed) {
		if (!this.node.state().is(RegistryState.RUNNING) || !this.node.state().hosts()) {
			return RecoveryPass.NONE;
		}
		try {
			return restartOrphansOwnedHere(noticed);
		}
		catch (RuntimeException ex) {
			if (this.node.state().is(RegistryState.RUNNING)) {
				logger.warn("Restarting the processes of departed members failed; retrying in {}", RECOVERY_SWEEP, ex);
			}
			return RecoveryPass.FAILED;
		}
	}

	/**
	 * Right after a member left: first the fast path, repeated while the partitions move (each
	 * round, run when partitions arrived here, finds the orphans of the partitions newly arrived
	 * since the last round), then full passes until no process is registered on a departed member
	 * any more. While partitions move, a cluster-wide query waits and may see only part of the
	 * registry, and the other survivors restart their share meanwhile, so one pass is not enough;
	 * the passes stop once the registry holds no orphan, or after the request timeout (the periodic
	 * sweep goes on). The fast path's restarts are awaited until then only: a claim still running is
	 * left to finish on its own, and what it leaves to the full passes and the sweep (claims are
	 * compare-and-set, so nothing restarts twice). Returns how many processes it restarted here.
	 * What it finds was noticed at {@code noticed}, the departure event's time.
	 */
	private int recoverDeparted(long noticed) {
		long deadline = System.nanoTime() + this.node.requestTimeout().toNanos();
		// The fast path does not wait for its claims: a partition still moving must not hold up the
		// orphans of those promoted to this member in the meantime.
		List<CompletableFuture<Integer>> restarts = new ArrayList<>();
		Set<Integer> claimed = new HashSet<>();
		long quietSince = System.nanoTime();
		do {
			// Partitions keep arriving here while they move, with the orphans registered in them:
			// claim on those that did, which is soon noticed.
			Set<Integer> arrived = ownedPartitions();
			arrived.removeAll(claimed);
			if (!arrived.isEmpty()) {
				try {
					restartLocalOrphans(arrived, noticed, restarts);
					claimed.addAll(arrived);
					quietSince = System.nanoTime();
				}
				catch (RuntimeException ex) {
					logger.debug("A fast recovery pass failed; the next one or the full passes follow", ex);
				}
			}
			// Stop once no partition arrived for two passes' time and none moves any more (the
			// full passes below, a cluster-wide query that waits for moving partitions, find what no
			// survivor holds). The safety check asks every member: once quiet, look less often.
			boolean quiet = System.nanoTime() - quietSince >= 2 * RECOVERY_PASS_PAUSE.toNanos();
			if (quiet && this.hazelcast.getPartitionService().isClusterSafe()) {
				break;
			}
			Timing.pause((quiet ? RECOVERY_PASS_PAUSE : PARTITION_ARRIVAL_CHECK).toMillis());
		}
		while (this.node.state().is(RegistryState.RUNNING) && System.nanoTime() - deadline < 0);
		int restarted = sumBefore(restarts, deadline);
		while (this.node.state().is(RegistryState.RUNNING)) {
			RecoveryPass pass = recoverOrphans(noticed);
			restarted += pass.restarted();
			if (pass.orphans() == 0 || System.nanoTime() - deadline > 0) {
				break;
			}
			Timing.pause(RECOVERY_PASS_PAUSE.toMillis());
		}
		return restarted;
	}

	/** The partitions whose primary copy this member holds now. */
	private Set<Integer> ownedPartitions() {
		com.hazelcast.cluster.Member self = this.hazelcast.getCluster().getLocalMember();
		Set<Integer> owned = new HashSet<>();
		for (com.hazelcast.partition.Partition partition : this.hazelcast.getPartitionService().getPartitions()) {
			if (self.equals(partition.getOwner())) {
				owned.add(partition.getPartitionId());
			}
		}
		return owned;
	}

	/**
	 * The fast path of a recovery: the orphans whose registry entries this member owns now in
	 * {@code partitions} (it held their backups, which Hazelcast promoted when the member left) are
	 * claimed there, by one operation per partition that finds and moves them at once, with no
	 * cluster-wide query, which would wait for the partitions to settle, and restarted here. Every
	 * entry has one owner at a time, so each orphan is tried by one survivor at a time; a partition
	 * claimed here and then moved on may be claimed again by its new owner, which the claim's
	 * compare-and-set makes harmless. What members not running sagents own is left to the placement
	 * owners' passes. Adds to {@code restarts} the restarts under way, each completing with how many
	 * it started, as each kind's are made.
	 */
	private void restartLocalOrphans(Set<Integer> partitions, long noticed, List<CompletableFuture<Integer>> restarts) {
		if (!this.node.state().is(RegistryState.RUNNING)) {
			return;
		}
		Set<String> present = this.node.membership().memberIds();
		RegistrationClaim claim = RegistrationClaim.fromNoneOf(present, this.node.localMember(),
				this.node.nodeName());
		for (ProcessKind kind : ProcessKind.values()) {
			restarts.addAll(this.registry.claimOrphansIn(kind, partitions, present, claim,
					(claimed) -> restartClaimed(kind, claimed, noticed)));
		}
	}

	/**
	 * Starts here the orphans of {@code kind} claimed for this member ({@code claimed}, id to
	 * registration), each timed from {@code noticed}; returns how many started.
	 */
	private int restartClaimed(ProcessKind kind, Map<String, HazelcastJsonValue> claimed, long noticed) {
		if (claimed.isEmpty()) {
			return 0;
		}
		this.failovers.noticed(kind, claimed.keySet(), noticed);
		try {
			return this.restarts.start(kind, claimed);
		}
		finally {
			this.failovers.forget(kind, claimed.keySet());
		}
	}

	/** Restarts the orphans this node owns; tells how many orphans the registry holds in all. */
	private RecoveryPass restartOrphansOwnedHere(long noticed) {
		Set<String> present = this.node.membership().memberIds();
		List<String> hosts = this.node.membership().hostIds();
		String self = this.node.localMember();
		int orphans = 0;
		int restarted = 0;
		for (ProcessKind kind : ProcessKind.values()) {
			Set<String> mine = new HashSet<>();
			for (String id : this.registry.orphans(kind, present)) {
				orphans++;
				if (self.equals(UniformDistribution.owner(new ProcessKey(kind, id), hosts).orElse(null))) {
					mine.add(id);
				}
			}
			restarted += sum(claimOrphans(kind, mine, present, noticed));
		}
		return new RecoveryPass(orphans, restarted);
	}

	/**
	 * Claims, for this member, those of {@code ids} still registered on a member not in
	 * {@code present}, then starts them here; returns how many started. One claim operation per
	 * partition does the compare-and-set of them all, so each restarts exactly once. Each restart is
	 * timed from {@code noticed}, or from an earlier notice of the same orphan.
	 */
	private List<CompletableFuture<Integer>> claimOrphans(ProcessKind kind, Set<String> ids, Set<String> present,
			long noticed) {
		if (ids.isEmpty()) {
			return List.of();
		}
		RegistrationClaim claim = RegistrationClaim.fromNoneOf(present, this.node.localMember(),
				this.node.nodeName());
		this.failovers.noticed(kind, ids, noticed);
		List<CompletableFuture<Integer>> restarts = this.registry.claimByPartition(kind, ids, claim,
				(claimed) -> this.restarts.start(kind, claimed));
		CompletableFuture.allOf(restarts.toArray(CompletableFuture[]::new))
			.whenComplete((done, error) -> this.failovers.forget(kind, ids));
		return restarts;
	}

	/** How many processes the restarts started, once all are done (a failed claim counts none). */
	private static int sum(List<CompletableFuture<Integer>> restarts) {
		return restarts.stream().mapToInt((started) -> Optional.ofNullable(started.join()).orElse(0)).sum();
	}

	/**
	 * As {@link #sum}, waiting no later than {@code deadline} (in {@link System#nanoTime()}'s terms):
	 * a restart not done by then counts none here, and goes on.
	 */
	private static int sumBefore(List<CompletableFuture<Integer>> restarts, long deadline) {
		int started = 0;
		for (CompletableFuture<Integer> restart : restarts) {
			try {
				long left = Math.max(0, deadline - System.nanoTime());
				started += Optional.ofNullable(restart.get(left, TimeUnit.NANOSECONDS)).orElse(0);
			}
			catch (TimeoutException | ExecutionException ex) {
				logger.debug("A fast recovery round is not done in time; the full passes follow", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return started;
	}

	/**
	 * What one recovery pass found.
	 *
	 * @param orphans the processes registered on departed members, in the whole registry
	 * @param restarted how many of them this pass restarted here
	 */
	record RecoveryPass(int orphans, int restarted) {

		static final RecoveryPass NONE = new RecoveryPass(0, 0);

		/** A pass that failed: orphans may be left, so the passes go on. */
		static final RecoveryPass FAILED = new RecoveryPass(-1, 0);

	}

}
