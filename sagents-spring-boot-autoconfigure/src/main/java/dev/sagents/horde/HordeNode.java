package dev.sagents.horde;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.core.LifecycleEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.agent.AgentEventListener;
import dev.sagents.agent.AgentInfo;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.Subscription;
import dev.sagents.cluster.MemberStatus;
import dev.sagents.cluster.UniformDistribution;
import dev.sagents.codec.MessageCodec;
import dev.sagents.filesystem.FileSystemInfo;
import dev.sagents.local.EncodedMessage;
import dev.sagents.local.HostingListener;
import dev.sagents.local.LocalAgentsSupervisor;
import dev.sagents.local.LocalFileSystemSupervisor;
import dev.sagents.local.LocalProcess;
import dev.sagents.agent.AgentBehaviorResolver;
import dev.sagents.agent.AgentPersistence;
import dev.sagents.agent.AgentSettings;
import dev.sagents.filesystem.FileSystemPersistence;
import dev.sagents.filesystem.FileSystemSettings;
import dev.sagents.filesystem.FileSystemSupervisor;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.local.LocalProcessRegistry;
import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessNotRunningException;
import dev.sagents.process.ProcessRef;
import dev.sagents.registry.RegistryState;
import dev.sagents.supervisor.ExitReason;
import dev.sagents.supervisor.StartResult;

/**
 * This node's part of the horde: the cluster registry, placement, failover and the messaging
 * between members. Processes themselves run in this node's local supervisors; this class decides
 * where they run and keeps the cluster registry in step.
 *
 * <p>The registry is one Hazelcast map per kind of process ({@code sagents.agents},
 * {@code sagents.filesystems}), keyed by id. A start is a {@code putIfAbsent} on the owner of the
 * key's partition, so concurrent starts of one id from every node give one process, and a lookup
 * anywhere right after a start sees it (no propagation delay). Placement is
 * {@link UniformDistribution} over the {@code alive} members. When a member leaves, whichever
 * survivor owns each of its processes replaces the registration (compare-and-set, so exactly one
 * wins) and restarts the process from its spec, with state from persistence.
 */
public final class HordeNode implements HordeTransport.Inbound, HostingListener {

	private static final Logger logger = LoggerFactory.getLogger(HordeNode.class);

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

	/** Threads that wait on Hazelcast at once (restarts, handoffs, requests from other members). */
	private static final int BLOCKING_THREADS = 32;

	/**
	 * How long a message sent ahead to the next owner of a draining member's process waits there for
	 * the process: a handoff takes a few hundred milliseconds even with thousands of processes.
	 */
	private static final Duration ARRIVAL_PATIENCE = Duration.ofMillis(500);

	/**
	 * How long after a member failed callers of its processes wait for the survivors to announce
	 * where they restarted them (see {@link RestartedProcesses}) before they follow the registry.
	 */
	private static final Duration RESTART_PATIENCE = Duration.ofSeconds(1);

	/** How long an announced restart is remembered for callers that still name the failed member. */
	private static final Duration RESTART_MEMORY = Duration.ofSeconds(10);

	private final HazelcastMemberProvider members;

	private final LocalProcessRuntime runtime;

	private final HordeSettings settings;

	private final HostedProcesses hosted;

	private final Map<ProcessKind, PayloadFormat> payloads = new EnumMap<>(ProcessKind.class);

	private final AgentEvents agentEvents;

	private final NodeState state = new NodeState();

	private HazelcastInstance hazelcast;

	private HordeMembership membership;

	private HordeTransport transport;

	private HordeEvents events;

	private Replies replies;

	private CallRouter router;

	private Placement placement;

	private Handoff handoff;

	private CastForwarder forwarder;

	private ClusterRegistry registry;

	private ScheduledFuture<?> recoverySweep;

	private SilentConnectionGuard silentConnections;

	private ArrivingProcesses arriving;

	private RestartedProcesses restartedProcesses;

	/**
	 * Runs the work that waits on Hazelcast (requests from other members, restarts, forwarding), so
	 * it never holds the handler executor and many such waits overlap. Idle threads time out.
	 */
	private ThreadPoolExecutor blocking;

	/** Whether a periodic sweep runs: one at a time, so sweeps stuck on a hung member do not pile up. */
	private final AtomicBoolean sweeping = new AtomicBoolean();

	/** How many times this node began to merge into another cluster after a split brain. */
	private final AtomicLong merges = new AtomicLong();

	public HordeNode(HazelcastMemberProvider members, LocalProcessRuntime runtime, MessageCodec codec,
			HordeSettings settings) {
		this.members = members;
		this.runtime = runtime;
		this.settings = settings;
		this.hosted = new HostedProcesses(runtime);
		this.payloads.put(ProcessKind.AGENT, new AgentPayloads(codec));
		this.payloads.put(ProcessKind.FILESYSTEM, new FileSystemPayloads());
		this.agentEvents = new AgentEvents(codec);
	}

	// ---- lifecycle (driven by HordeProcessRegistry) ----------------------------------------

	synchronized void start() {
		this.blocking = new ThreadPoolExecutor(BLOCKING_THREADS, BLOCKING_THREADS, 30, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (task) -> {
					Thread thread = new Thread(task, "sagents-horde-" + this.settings.nodeName());
					thread.setDaemon(true);
					return thread;
				});
		this.blocking.allowCoreThreadTimeOut(true);
		this.arriving = new ArrivingProcesses(ARRIVAL_PATIENCE, this.runtime.executor(), this.runtime.timer());
		this.restartedProcesses = new RestartedProcesses(RESTART_PATIENCE, RESTART_MEMORY, this.runtime.executor(),
				this.runtime.timer());
		this.hazelcast = this.members.start();
		this.silentConnections = new SilentConnectionGuard(this.hazelcast, this.settings.silentConnectionTimeout());
		this.silentConnections.start(this.runtime.timer());
		this.membership = new HordeMembership(this.hazelcast, this.settings.nodeName(), this::memberLeft);
		this.replies = new Replies(this.settings.requestTimeout(), this.membership::nodeName);
		this.registry = new ClusterRegistry(this.hazelcast, this.membership::localMember, this.blocking);
		this.transport = new HordeTransport(this.hazelcast, this.runtime.executor(), this.blocking, this.runtime.timer(),
				this);
		this.hazelcast.getLifecycleService().addLifecycleListener((event) -> {
			if (event.getState() == LifecycleEvent.LifecycleState.MERGING) {
				this.merges.incrementAndGet();
			}
			else if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
				this.blocking.execute(this::rejoin);
			}
		});
		this.events = new HordeEvents(this.hazelcast, this.transport, this.membership, this.hosted.registry(), this.hosted.agents(),
				this.agentEvents, this.registry::registration, this.settings.requestTimeout(), this::joined);
		NodeContext context = new NodeContext(this.settings, this.runtime, this.blocking, this.membership, this.transport,
				this.replies, this.state, this::joined);
		this.handoff = new Handoff(context, this.registry, this.hosted);
		this.forwarder = new CastForwarder(context, this.payloads, this.registry, this.hosted, this.handoff::destinationOf);
		this.router = new CallRouter(context, this.payloads, this.registry, this.hosted, this.restartedProcesses,
				this.forwarder);
		this.placement = new Placement(context, this.registry, this.hosted, this.router,
				this.handoff::callOff, this.handoff::destinationOf);
		this.hosted.sendNoticesTo(this);
		this.membership.start();
		this.transport.start();
		this.hosted.registry().start();
		this.state.set(RegistryState.RUNNING);
		this.membership.announce(MemberStatus.ALIVE);
		long sweep = RECOVERY_SWEEP.toMillis();
		this.recoverySweep = this.runtime.timer()
			.scheduleWithFixedDelay(() -> this.blocking.execute(this::sweep), sweep, sweep, TimeUnit.MILLISECONDS);
		this.blocking.execute(this::recoverOrphans);
		logger.info("sagents node {} joined the horde as member {}", this.settings.nodeName(),
				this.membership.localMember());
	}

	synchronized void drain() {
		if (!this.state.is(RegistryState.RUNNING)) {
			return;
		}
		this.state.set(RegistryState.DRAINING);
		this.handoff.beganDraining();
		this.membership.announce(MemberStatus.SHUTTING_DOWN);
		logger.info("sagents node {} is draining: its processes stop and go to their next owners",
				this.settings.nodeName());
		this.handoff.markHostedProcesses();
		this.hosted.registry().drain();
	}

	/**
	 * Waits for the handoffs of processes this node stopped while draining, then while callers
	 * still need redirecting.
	 */
	void awaitHandoffs() {
		this.handoff.await();
	}

	synchronized void stop() {
		if (this.state.is(RegistryState.STOPPED) || this.hazelcast == null) {
			this.state.set(RegistryState.STOPPED);
			return;
		}
		this.state.set(RegistryState.STOPPED);
		if (this.recoverySweep != null) {
			this.recoverySweep.cancel(false);
		}
		this.silentConnections.stop();
		this.events.close();
		this.membership.stop();
		this.hosted.registry().stop();
		// Leave first, stop listening last: until the member is gone, late calls hear "not here"
		// and follow their process instead of waiting for a member that no longer answers.
		this.members.stop();
		this.transport.stop();
		this.blocking.shutdown();
		this.handoff.clear();
		if (this.handoff.drained()) {
			this.handoff.logLeft();
		}
		else {
			logger.info("sagents node {} left the horde", this.settings.nodeName());
		}
	}

	RegistryState state() {
		return this.state.get();
	}

	void ensureAvailable() {
		this.state.ensureAvailable();
	}

	/**
	 * Hosts agents on this node: returns the local supervisor they run in here, built with this
	 * node's local registry, which the caller starts and stops.
	 */
	LocalAgentsSupervisor hostAgents(AgentBehaviorResolver behaviors, AgentPersistence persistence,
			FileSystemSupervisor fileSystems, AgentSettings settings, ProcessFailureLog failures) {
		return this.hosted.hostAgents(behaviors, persistence, fileSystems, settings, failures);
	}

	/**
	 * Hosts file systems on this node: returns the local supervisor they run in here, built with
	 * this node's local registry, which the caller starts and stops.
	 */
	LocalFileSystemSupervisor hostFileSystems(FileSystemPersistence persistence, FileSystemSettings settings,
			ProcessFailureLog failures) {
		return this.hosted.hostFileSystems(persistence, settings, failures);
	}

	/** The registry of the processes this node hosts. */
	LocalProcessRegistry hosted() {
		return this.hosted.registry();
	}

	HordeSettings settings() {
		return this.settings;
	}

	HordeMembership membership() {
		return this.membership;
	}

	/** Whether this node's member is in the cluster (it still is while it hands over and leaves). */
	boolean joined() {
		HazelcastInstance instance = this.hazelcast;
		return instance != null && instance.getLifecycleService().isRunning();
	}

	// ---- placement ---------------------------------------------------------------------------

	/** {@link Placement#startProcess(Registration, Class)}. */
	<R extends ProcessRef> StartResult<R> startProcess(Registration registration, Class<R> refType) {
		return placement().startProcess(registration, refType);
	}

	/** {@link Placement#lookup(ProcessKey)}. */
	Optional<ProcessRef> lookup(ProcessKey key) {
		return placement().lookup(key);
	}

	/** {@link Placement#lookup(ProcessKey, Class)}. */
	<R extends ProcessRef> Optional<R> lookup(ProcessKey key, Class<R> refType) {
		return placement().lookup(key, refType);
	}

	/** {@link Placement#stop(ProcessKey)}. */
	boolean stop(ProcessKey key) {
		return placement().stop(key);
	}

	int count(ProcessKind kind) {
		return placement().count(kind);
	}

	List<ProcessKey> keys(ProcessKind kind) {
		return placement().keys(kind);
	}

	/** How many processes each member hosts, by node name; none before this node joined. */
	Map<String, Integer> hostedPerNode() {
		return (this.placement != null) ? this.placement.hostedPerNode() : new LinkedHashMap<>();
	}

	/** The agents of every member. */
	List<AgentInfo> listAgents() {
		return placement().listAgents();
	}

	/** The file systems of every member. */
	List<FileSystemInfo> listFileSystems() {
		return placement().listFileSystems();
	}

	/** Placement, once this node runs: before, and once it drains, it takes no new work. */
	private Placement placement() {
		this.state.ensureAvailable();
		return this.placement;
	}

	// ---- events ------------------------------------------------------------------------------

	Subscription subscribe(String agentId, AgentEventListener listener) {
		return this.events.subscribe(agentId, listener);
	}

	// ---- hosting (told by the local supervisors) -----------------------------------------------

	@Override
	public void started(ProcessRef process) {
		this.arriving.started(process.key());
		if (process.key().kind() == ProcessKind.AGENT) {
			this.events.agentStarted(process.key().id());
		}
	}

	@Override
	public void ended(ProcessRef process, ExitReason reason) {
		if (process.key().kind() == ProcessKind.AGENT) {
			this.events.agentEnded(process.key().id());
		}
		this.handoff.processEnded(process, reason);
	}

	// ---- failover ----------------------------------------------------------------------------

	private void memberLeft(HordeMembership.Departure departure) {
		long mergesBefore = this.merges.get();
		this.transport.memberLeft(departure.member(), departure.graceful());
		this.arriving.memberLeft(departure.member());
		if (!departure.graceful()) {
			this.restartedProcesses.memberFailed(departure.member());
		}
		this.blocking.execute(() -> {
			long start = System.nanoTime();
			try {
				this.events.stopRelayingTo(departure.member());
				int restarted = recoverDeparted();
				logger.info("Member {} left the horde ({}); {} of its processes restarted here in {} ms",
						departure.node(), departure.graceful() ? "gracefully" : "failed", restarted, Timing.millisSince(start));
				// After the recovery: destroying the departed member's inbox waits for every member to answer.
				if (leftForGood(departure.member(), mergesBefore)) {
					this.transport.forget(departure.member());
					if (this.membership.isOldestMember()) {
						this.events.forgetSubscriber(departure.member());
					}
				}
			}
			catch (RuntimeException ex) {
				// This node may be stopping too; if not, the periodic sweep restarts what is left.
				if (this.state.is(RegistryState.RUNNING)) {
					logger.warn("Handling the departure of member {} failed; the sweep every {} goes on", departure.node(),
							RECOVERY_SWEEP, ex);
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
		return this.merges.get() == mergesBefore && !this.membership.isMember(member);
	}

	/** The periodic check for processes whose member left while nobody noticed (a missed event). */
	private void sweep() {
		if (this.sweeping.compareAndSet(false, true)) {
			try {
				this.membership.pruneDeparted();
				this.membership.reannounceIfLost(localStatus());
				recoverOrphans();
			}
			catch (RuntimeException ex) {
				if (this.state.is(RegistryState.RUNNING)) {
					logger.warn("The periodic sweep failed; the next one is in {}", RECOVERY_SWEEP, ex);
				}
			}
			finally {
				this.sweeping.set(false);
			}
		}
	}

	/**
	 * After a split healed, Hazelcast gave this member a new UUID: listen under it, announce it,
	 * claim the processes still registered under the old one (one claim operation for all of them:
	 * a member may host thousands, and each one-by-one read and write would keep its duplicates
	 * running for seconds more), then stop those the merged registry kept elsewhere. Only a
	 * merging member needs this: the side it joined kept its own entries.
	 */
	private void rejoin() {
		String previous = this.transport.relisten();
		String self = this.membership.localMember();
		logger.info("sagents node {} merged back into the horde as member {} (was {})", this.settings.nodeName(), self,
				previous);
		this.membership.reload();
		this.membership.announce(localStatus());
		RegistrationClaim claim = RegistrationClaim.fromAnyOf(Set.of(previous), self, this.settings.nodeName());
		for (ProcessKind kind : ProcessKind.values()) {
			Set<String> ids = this.hosted.keys(kind).stream().map(ProcessKey::id).collect(Collectors.toSet());
			if (!ids.isEmpty()) {
				this.registry.claim(kind, ids, claim);
			}
		}
		reconcile();
		this.events.rejoined(previous);
	}

	private MemberStatus localStatus() {
		return this.state.memberStatus();
	}

	/**
	 * Brings what this node hosts in line with the cluster registry: stops the processes the
	 * registry says run elsewhere and restarts the orphans it owns now.
	 */
	void reconcile() {
		// Duplicates first: until they stop, an id runs twice.
		try {
			stopDuplicates();
		}
		catch (RuntimeException ex) {
			logger.warn("Looking for processes that also run elsewhere failed", ex);
		}
		recoverOrphans();
	}

	/**
	 * Restarts, here, every process registered on a member that is gone and that this node owns
	 * now. The compare-and-set on the registration makes each restart happen exactly once, even if
	 * two members briefly disagree on the owner. Returns what the pass found; after a failure, as
	 * if orphans were left.
	 */
	private RecoveryPass recoverOrphans() {
		if (!this.state.is(RegistryState.RUNNING)) {
			return RecoveryPass.NONE;
		}
		try {
			return restartOrphansOwnedHere();
		}
		catch (RuntimeException ex) {
			if (this.state.is(RegistryState.RUNNING)) {
				logger.warn("Restarting the processes of departed members failed; retrying in {}", RECOVERY_SWEEP, ex);
			}
			return RecoveryPass.FAILED;
		}
	}

	/**
	 * Right after a member left: first the fast path, repeated while the partitions move (each
	 * round, run when partitions arrived here, finds the orphans of the partitions this member
	 * owns by then), then full passes until
	 * no process is registered on a departed member any more. While partitions move, a cluster-wide
	 * query waits and may see only part of the registry, and the other survivors restart their
	 * share meanwhile, so one pass is not enough; the passes stop once the registry holds no orphan,
	 * or after the request timeout (the periodic sweep goes on). Returns how many processes it
	 * restarted here.
	 */
	private int recoverDeparted() {
		long deadline = System.nanoTime() + this.settings.requestTimeout().toNanos();
		// The fast path does not wait for its claims: a partition still moving must not hold up the
		// orphans of those promoted to this member in the meantime.
		Set<ProcessKey> claiming = new HashSet<>();
		List<CompletableFuture<Integer>> restarts = new ArrayList<>();
		Set<Integer> scanned = Set.of();
		long quietSince = System.nanoTime();
		do {
			// Partitions keep arriving here while they move, with the orphans registered in them:
			// scan the registry again only when some did, which is soon noticed.
			Set<Integer> owned = ownedPartitions();
			if (!scanned.containsAll(owned)) {
				try {
					List<CompletableFuture<Integer>> found = restartLocalOrphans(claiming);
					scanned = owned;
					restarts.addAll(found);
					if (!found.isEmpty()) {
						quietSince = System.nanoTime();
					}
				}
				catch (RuntimeException ex) {
					logger.debug("A fast recovery pass failed; the next one or the full passes follow", ex);
				}
			}
			// Stop once nothing was found for two passes' time and no partition moves any more (the
			// full passes below, a cluster-wide query that waits for moving partitions, find what no
			// survivor holds). The safety check asks every member: once quiet, look less often.
			boolean quiet = System.nanoTime() - quietSince >= 2 * RECOVERY_PASS_PAUSE.toNanos();
			if (quiet && this.hazelcast.getPartitionService().isClusterSafe()) {
				break;
			}
			Timing.pause((quiet ? RECOVERY_PASS_PAUSE : PARTITION_ARRIVAL_CHECK).toMillis());
		}
		while (this.state.is(RegistryState.RUNNING) && System.nanoTime() - deadline < 0);
		int restarted = sum(restarts);
		while (this.state.is(RegistryState.RUNNING)) {
			RecoveryPass pass = recoverOrphans();
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
	 * The fast path of a recovery: the orphans whose registry entries this member owns now (it held
	 * their backups, which Hazelcast promoted when the member left) are found without a
	 * cluster-wide query, which would wait for the partitions to settle, and restarted here. Every
	 * entry has one owner, so each orphan is tried by one survivor; the claim keeps it exactly once
	 * all the same. What members not running sagents own is left to the placement owners' passes.
	 * Claims the orphans not in {@code claiming} yet (and adds them); returns the restarts under way,
	 * each completing with how many it started.
	 */
	private List<CompletableFuture<Integer>> restartLocalOrphans(Set<ProcessKey> claiming) {
		if (!this.state.is(RegistryState.RUNNING)) {
			return List.of();
		}
		Set<String> present = this.membership.memberIds();
		List<CompletableFuture<Integer>> restarts = new ArrayList<>();
		for (ProcessKind kind : ProcessKind.values()) {
			Set<String> orphans = new HashSet<>(this.registry.orphansOwnedHere(kind, present));
			orphans.removeIf((id) -> !claiming.add(new ProcessKey(kind, id)));
			restarts.addAll(claimOrphans(kind, orphans, present));
		}
		return restarts;
	}

	/** Restarts the orphans this node owns; tells how many orphans the registry holds in all. */
	private RecoveryPass restartOrphansOwnedHere() {
		Set<String> present = this.membership.memberIds();
		List<String> hosts = this.membership.hostIds();
		String self = this.membership.localMember();
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
			restarted += sum(claimOrphans(kind, mine, present));
		}
		return new RecoveryPass(orphans, restarted);
	}

	/**
	 * Claims, for this member, those of {@code ids} still registered on a member not in
	 * {@code present}, then starts them here; returns how many started. One claim operation per
	 * partition does the compare-and-set of them all, so each restarts exactly once.
	 */
	private List<CompletableFuture<Integer>> claimOrphans(ProcessKind kind, Set<String> ids, Set<String> present) {
		if (ids.isEmpty()) {
			return List.of();
		}
		RegistrationClaim claim = RegistrationClaim.fromNoneOf(present, this.membership.localMember(),
				this.settings.nodeName());
		return this.registry.claimByPartition(kind, ids, claim, (claimed) -> startAll(kind, claimed));
	}

	/** How many processes the restarts started, once all are done (a failed claim counts none). */
	private static int sum(List<CompletableFuture<Integer>> restarts) {
		return restarts.stream().mapToInt((started) -> Optional.ofNullable(started.join()).orElse(0)).sum();
	}

	/**
	 * Starts the processes registered here under {@code registrations} (id to registration), one
	 * after the other: a start only creates the process (its state loads on its own thread), and
	 * one task per start would queue thousands ahead of everything else the blocking threads do.
	 * Returns how many started.
	 */
	private int startAll(ProcessKind kind, Map<String, HazelcastJsonValue> registrations) {
		List<ProcessKey> started = registrations.entrySet()
			.stream()
			.filter((registration) -> startClaimed(kind, registration))
			.map((registration) -> new ProcessKey(kind, registration.getKey()))
			.toList();
		announceRestarts(started);
		return started.size();
	}

	/** Tells every member, this one included, that the processes under {@code keys} restarted here. */
	private void announceRestarts(List<ProcessKey> keys) {
		if (keys.isEmpty()) {
			return;
		}
		String self = this.membership.localMember();
		this.restartedProcesses.restarted(keys, new RestartedProcesses.Location(self, this.settings.nodeName()));
		for (String member : this.membership.memberIds()) {
			if (!member.equals(self)) {
				this.transport.restarted(member, keys);
			}
		}
	}

	/** Starts a process whose registration (id to JSON) names this member; returns whether it started. */
	private boolean startClaimed(ProcessKind kind, Map.Entry<String, HazelcastJsonValue> registration) {
		ProcessKey key = new ProcessKey(kind, registration.getKey());
		try {
			this.placement.startRegisteredProcess(Registration.fromJson(key, registration.getValue()), registration.getValue());
			return true;
		}
		catch (RuntimeException ex) {
			if (this.state.is(RegistryState.RUNNING)) {
				logger.warn("Could not start {}, which this member took over", key, ex);
			}
			return false;
		}
	}

	/**
	 * What one recovery pass found.
	 *
	 * @param orphans the processes registered on departed members, in the whole registry
	 * @param restarted how many of them this pass restarted here
	 */
	private record RecoveryPass(int orphans, int restarted) {

		static final RecoveryPass NONE = new RecoveryPass(0, 0);

		/** A pass that failed: orphans may be left, so the passes go on. */
		static final RecoveryPass FAILED = new RecoveryPass(-1, 0);

	}

	/**
	 * Stops the processes this node runs that the registry says run elsewhere: after a network
	 * split heals, Hazelcast merges the two registries and keeps one entry per key, but the losing
	 * side's process is still running. It stops without persisting (the survivor's state is the
	 * truth), so exactly one survives. A process running here with no entry at all is registered
	 * again.
	 */
	private void stopDuplicates() {
		String self = this.membership.localMember();
		for (ProcessKind kind : ProcessKind.values()) {
			List<ProcessKey> keys = this.hosted.keys(kind);
			if (keys.isEmpty()) {
				continue;
			}
			Set<String> ids = keys.stream().map(ProcessKey::id).collect(Collectors.toSet());
			Map<String, HazelcastJsonValue> registered = this.registry.registered(kind, ids);
			for (ProcessKey key : keys) {
				HazelcastJsonValue json = registered.get(key.id());
				if (json == null) {
					registerAgain(key);
				}
				else if (!Registration.fromJson(key, json).host().equals(self)) {
					logger.warn("{} runs here and on {}; stopping this one, the cluster kept the other", key,
							Registration.fromJson(key, json).node());
					this.hosted.stopHere(key, ExitReason.CONFLICT);
				}
			}
		}
	}

	private void registerAgain(ProcessKey key) {
		this.hosted.runningHere(key).ifPresent((process) -> this.registry.registerIfAbsent(key,
				this.hosted.registrationOf(process, this.membership.localMember(), this.settings.nodeName()).toJson()));
	}

	// ---- inbound -----------------------------------------------------------------------------

	@Override
	public void onCall(String sender, long correlation, ProcessKey key, String handingOver, byte[] payload) {
		if (handingOver != null
				&& awaitArrival(key, handingOver, () -> onCall(sender, correlation, key, null, payload))) {
			return;
		}
		Optional<ProcessRef> local = this.hosted.runningHere(key);
		if (local.isEmpty()) {
			this.transport.reply(sender, correlation, this.handoff.notHere(key));
			return;
		}
		PayloadFormat format = this.payloads.get(key.kind());
		// Decoded by the process, on its thread: this one serves every message of the sender in turn.
		EncodedMessage message = new EncodedMessage(() -> format.decodeMessage(payload));
		// The sender keeps the timeout: a timer here too would only cost.
		((LocalProcess) local.get()).deliver(message).whenComplete((reply, error) -> {
			Reply answer;
			if (error == null) {
				try {
					answer = new Reply(Reply.Outcome.OK,
							format.encodeReply(message.decoded(), reply));
				}
				catch (RuntimeException ex) {
					answer = RemoteErrors.asReply(ex);
				}
			}
			else {
				Throwable cause = Replies.unwrap(error);
				// Ended or moved on since the caller looked (a draining node says where to).
				answer = (cause instanceof ProcessNotRunningException) ? this.handoff.notHere(key) : RemoteErrors.asReply(cause);
			}
			this.transport.reply(sender, correlation, answer);
		});
	}

	/**
	 * Holds a message that was sent here ahead of the handoff of {@code key} by draining member
	 * {@code handingOver} until the process started here (see {@link ArrivingProcesses}), then runs
	 * {@code handle}. Returns {@code false}, to handle it at once, if the process runs here already
	 * or that member left.
	 */
	private boolean awaitArrival(ProcessKey key, String handingOver, Runnable handle) {
		if (this.hosted.runningHere(key).isPresent() || !this.membership.isMember(handingOver)) {
			return false;
		}
		this.arriving.await(key, handingOver, handle);
		if (this.hosted.runningHere(key).isPresent()) {
			// It started between the look and the wait.
			this.arriving.started(key);
		}
		return true;
	}

	@Override
	public void onCast(String sender, ProcessKey key, String handingOver, byte[] payload) {
		if (handingOver != null && awaitArrival(key, handingOver, () -> onCast(sender, key, null, payload))) {
			return;
		}
		Optional<ProcessRef> local = this.hosted.runningHere(key);
		if (local.isPresent()) {
			PayloadFormat format = this.payloads.get(key.kind());
			local.get().cast(new EncodedMessage(() -> format.decodeMessage(payload)));
			return;
		}
		// It moved (or is moving) since the sender looked: follow it.
		try {
			this.forwarder.forward(key, this.payloads.get(key.kind()).decodeMessage(payload));
		}
		catch (RuntimeException ex) {
			logger.warn("Dropping a cast to {} that could not be decoded", key, ex);
		}
	}

	@Override
	public void undelivered(ProcessRef process, Object message) {
		this.forwarder.forward(process.key(), message);
	}

	@Override
	public void onRequest(String sender, long correlation, int operation, byte[] payload) {
		Reply reply;
		try {
			reply = new Reply(Reply.Outcome.OK, serve(sender, operation, new Wire.Reader(payload)));
		}
		catch (RuntimeException ex) {
			reply = RemoteErrors.asReply(ex);
		}
		this.transport.reply(sender, correlation, reply);
	}

	private byte[] serve(String sender, int operation, Wire.Reader in) {
		Wire.Writer out = new Wire.Writer();
		switch (RequestOperation.of(operation)) {
			case START -> {
				ensureAvailable();
				StartResult<ProcessRef> result = this.placement.startOwnedProcess(in.readRegistration());
				out.writeBoolean(result.alreadyStarted()).writeString(hostOf(result.ref())).writeString(result.ref().node());
			}
			case STOP -> {
				ProcessKey key = ProcessKey.parse(in.readString());
				out.writeBoolean(this.hosted.lookup(key).isPresent() ? this.placement.stopHere(key) : this.placement.stop(key));
			}
			case HANDOFF -> out.writeKeys(this.handoff.accept(sender, in));
			case LIST -> {
				return this.hosted.listHere(ProcessKind.valueOf(in.readString()));
			}
			case STATUS -> {
				ProcessKey key = ProcessKey.parse(in.readString());
				Optional<ProcessRef> local = this.hosted.lookup(key);
				String next = this.handoff.destinationOf(key);
				if (local.isEmpty() && next != null) {
					return this.replies.awaitReply(this.transport.request(next, RequestOperation.STATUS, new Wire.Writer().writeString(key.toString()).toBytes(),
							this.settings.requestTimeout()), key).data();
				}
				out.writeString(local.map((process) -> ((AgentRef) process).status().name()).orElse(null));
			}
			case SUBSCRIBE -> this.events.relayTo(in.readString(), sender);
			case UNSUBSCRIBE -> this.events.stopRelaying(in.readString(), sender);
			case SUBSCRIPTIONS_EXIST -> this.events.subscriptionsExist();
		}
		return out.toBytes();
	}

	@Override
	public void onEvent(String agentId, byte[] event) {
		this.events.deliver(agentId, event);
	}

	@Override
	public void onRestarted(String sender, List<ProcessKey> keys) {
		this.restartedProcesses.restarted(keys, new RestartedProcesses.Location(sender, this.membership.nodeName(sender)));
	}

	// ---- helpers -----------------------------------------------------------------------------

	private String hostOf(ProcessRef ref) {
		return ((HordeProcessRef) ref).host();
	}

}
