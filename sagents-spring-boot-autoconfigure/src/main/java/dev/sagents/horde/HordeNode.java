package dev.sagents.horde;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.agent.AgentBehaviorResolver;
import dev.sagents.agent.AgentDetails;
import dev.sagents.agent.AgentEventListener;
import dev.sagents.agent.AgentInfo;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.Subscription;
import dev.sagents.cluster.MemberStatus;
import dev.sagents.codec.MessageCodec;
import dev.sagents.filesystem.FileSystemInfo;
import dev.sagents.filesystem.FileSystemSettings;
import dev.sagents.filesystem.FileSystemSupervisor;
import dev.sagents.local.LocalAgentsSupervisor;
import dev.sagents.local.LocalFileSystemSupervisor;
import dev.sagents.local.LocalProcessRegistry;
import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.metrics.MeteredCodec;
import dev.sagents.persistence.AgentStorage;
import dev.sagents.persistence.FileSystemStorage;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessRef;
import dev.sagents.registry.RegistryState;
import dev.sagents.registry.RegistryUnavailableException;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.supervisor.StartResult;

/**
 * This node's part of the horde, and the one place its parts are put together. Processes run in
 * this node's local supervisors ({@link HostedProcesses}); the parts decide where they run, carry
 * messages to them and keep the cluster registry in step:
 * <ul>
 * <li>{@link ClusterRegistry}: the registration maps and the claims on them;
 * <li>{@link Placement}: which member runs a process, and start, lookup, stop and listing from any
 * node;
 * <li>{@link CallRouter} and {@link CastForwarder}: calls and casts to wherever a process runs now;
 * <li>{@link InboundDispatcher}: what this member does with the messages addressed to it;
 * <li>{@link Handoff}: a draining node hands its processes off to their next owners;
 * <li>{@link Recovery}: the survivors restart the processes of a member that left;
 * <li>{@link SplitHeal}: one process per id again after a network split healed.
 * </ul>
 * The parts that need the Hazelcast member are built when the node starts, in {@link #start()},
 * each with what it uses; none of them holds this node.
 */
public final class HordeNode {

	private static final Logger logger = LoggerFactory.getLogger(HordeNode.class);

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

	/** How many times this node began to merge into another cluster after a split brain. */
	private final AtomicLong merges = new AtomicLong();

	private HazelcastInstance hazelcast;

	/**
	 * Runs the work that waits on Hazelcast (requests from other members, restarts, forwarding), so
	 * it never holds the handler executor and many such waits overlap. Idle threads time out.
	 */
	private ThreadPoolExecutor blocking;

	private SilentConnectionGuard silentConnections;

	private HordeMembership membership;

	private HordeTransport transport;

	private HordeEvents events;

	private Placement placement;

	private Handoff handoff;

	private Recovery recovery;

	private SplitHeal splitHeal;

	private AgentInspector inspector;

	public HordeNode(HazelcastMemberProvider members, LocalProcessRuntime runtime, MessageCodec codec,
			HordeSettings settings) {
		this.members = members;
		this.runtime = runtime;
		this.settings = settings;
		this.hosted = new HostedProcesses(runtime);
		MessageCodec metered = MeteredCodec.of(codec, runtime.metrics());
		this.payloads.put(ProcessKind.AGENT, new AgentPayloads(metered));
		this.payloads.put(ProcessKind.FILESYSTEM, new FileSystemPayloads());
		this.agentEvents = new AgentEvents(metered);
	}

	// ---- lifecycle (driven by HordeProcessRegistry) ------------------------------------------

	/**
	 * Joins the horde as a host: starts (or takes) the Hazelcast member, builds the parts, listens,
	 * and announces this member {@code alive}.
	 */
	synchronized void start() {
		join(true);
	}

	/**
	 * Joins the horde as a proxy node, which reaches every process and hosts none: as
	 * {@link #start()}, but this member announces itself {@code uninitialized}, so placement,
	 * handoffs and recovery never pick it, it refuses to start a process, and it restarts none of a
	 * departed member's.
	 */
	synchronized void startWithoutHosting() {
		join(false);
	}

	private void join(boolean hosting) {
		this.state.hosting(hosting);
		this.blocking = new ThreadPoolExecutor(BLOCKING_THREADS, BLOCKING_THREADS, 30, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (task) -> {
					Thread thread = new Thread(task, "sagents-horde-" + this.settings.nodeName());
					thread.setDaemon(true);
					return thread;
				});
		this.blocking.allowCoreThreadTimeOut(true);
		ArrivingProcesses arriving = new ArrivingProcesses(ARRIVAL_PATIENCE, this.runtime.executor(),
				this.runtime.timer());
		RestartedProcesses restartedProcesses = new RestartedProcesses(RESTART_PATIENCE, RESTART_MEMORY,
				this.runtime.executor(), this.runtime.timer());
		this.hazelcast = this.members.start();
		this.silentConnections = new SilentConnectionGuard(this.hazelcast, this.settings.silentConnectionTimeout());
		this.silentConnections.start(this.runtime.timer());
		// Departures and merges are listened for only once the parts that handle them exist (below).
		FailoverTiming failovers = new FailoverTiming(this.runtime.metrics());
		this.membership = new HordeMembership(this.hazelcast, this.settings.nodeName(), (departure) -> {
			failovers.memberLeft();
			this.recovery.memberLeft(departure);
		});
		Replies replies = new Replies(this.settings.requestTimeout(), this.membership::nodeName);
		ClusterRegistry registry = new ClusterRegistry(this.hazelcast, this.membership::localMember, this.blocking);
		this.transport = new HordeTransport(this.hazelcast, this.runtime.executor(), this.blocking,
				this.runtime.timer(), this.runtime.observations()::outgoing);
		this.events = new HordeEvents(this.hazelcast, this.transport, this.membership, this.hosted.registry(),
				this.hosted.agents(), this.agentEvents, registry::registration, this.settings.requestTimeout(),
				this::joined);
		NodeContext context = new NodeContext(this.settings, this.runtime, this.blocking, this.membership,
				this.transport, replies, this.state, this::joined);
		// A stale copy still registered here starts again through the placement, built below.
		BatchStarts starts = new BatchStarts(this.hosted);
		this.handoff = new Handoff(context, registry, this.hosted, starts,
				(key) -> this.placement.restartIfRegisteredHere(key));
		CastForwarder forwarder = new CastForwarder(context, this.payloads, registry, this.hosted,
				this.handoff::destinationOf);
		CallRouter router = new CallRouter(context, this.payloads, registry, this.hosted, restartedProcesses,
				forwarder);
		this.placement = new Placement(context, registry, this.hosted,
				ObservedCalls.of(MeteredCalls.of(router, this.membership::localMember, this.runtime.metrics()),
						this.membership::localMember, this.runtime.observations()),
				this.handoff::callOff,
				this.handoff::destinationOf);
		OrphanRestarts restarts = new OrphanRestarts(context, starts,
				failovers.timed(this.placement::startRegisteredProcess), restartedProcesses);
		this.recovery = new Recovery(context, this.hazelcast, registry, restarts, restartedProcesses, arriving,
				this.events, this.merges::get);
		this.splitHeal = new SplitHeal(context, registry, this.hosted, this.recovery, this.events);
		this.inspector = new AgentInspector(context, registry, this.hosted, this.handoff::destinationOf);
		this.hazelcast.getLifecycleService().addLifecycleListener((event) -> {
			if (event.getState() == LifecycleEvent.LifecycleState.MERGING) {
				this.merges.incrementAndGet();
			}
			else if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
				this.blocking.execute(() -> this.splitHeal.rejoin());
			}
		});
		this.hosted.sendNoticesTo(new HostingNotices(arriving, this.events, this.handoff, forwarder));
		this.membership.start();
		this.transport.start(new InboundDispatcher(context, this.payloads, this.hosted, arriving, this.placement,
				this.handoff, forwarder, this.events, restartedProcesses));
		this.hosted.registry().start();
		this.state.set(RegistryState.RUNNING);
		this.membership.announce(this.state.memberStatus());
		this.recovery.startSweeps();
		logger.info("sagents node {} joined the horde as member {}{}", this.settings.nodeName(),
				this.membership.localMember(), hosting ? "" : ", hosting nothing (the sagents supervisor does not run here)");
	}

	/**
	 * Begins to leave: announces {@code shutting_down}, so no new process is placed here and
	 * callers send ahead to the next owners, and refuses new work from this node's callers.
	 * Returns whether it began now ({@code false} unless the node was running).
	 */
	synchronized boolean drain() {
		if (!this.state.is(RegistryState.RUNNING)) {
			return false;
		}
		this.state.set(RegistryState.DRAINING);
		this.handoff.beganDraining();
		this.membership.announce(MemberStatus.SHUTTING_DOWN);
		logger.info("sagents node {} is draining: its processes stop and go to their next owners",
				this.settings.nodeName());
		this.handoff.markHostedProcesses();
		this.hosted.registry().drain();
		return true;
	}

	/** Stops everything this node hosts, for a drain on request ({@link HordeNodeDrain}); they are handed off. */
	void stopHosted() {
		this.hosted.stopAll();
	}

	/**
	 * Waits for the handoffs of processes this node stopped while draining, then while callers
	 * still need redirecting.
	 */
	void awaitHandoffs() {
		if (this.handoff != null) {
			this.handoff.await();
		}
	}

	/** Leaves the horde: stops following it, leaves the cluster, then stops listening. */
	synchronized void stop() {
		if (this.state.is(RegistryState.STOPPED) || this.hazelcast == null) {
			this.state.set(RegistryState.STOPPED);
			return;
		}
		this.state.set(RegistryState.STOPPED);
		if (this.recovery != null) {
			this.recovery.stopSweeps();
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

	/**
	 * Hosts agents on this node: returns the local supervisor they run in here, built with this
	 * node's local registry, which the caller starts and stops.
	 */
	LocalAgentsSupervisor hostAgents(AgentBehaviorResolver behaviors, AgentStorage storage,
			FileSystemSupervisor fileSystems, AgentSettings settings, ProcessFailureLog failures) {
		return this.hosted.hostAgents(behaviors, storage, fileSystems, settings, failures);
	}

	/**
	 * Hosts file systems on this node: returns the local supervisor they run in here, built with
	 * this node's local registry, which the caller starts and stops.
	 */
	LocalFileSystemSupervisor hostFileSystems(FileSystemStorage storage, FileSystemSettings settings,
			ProcessFailureLog failures) {
		return this.hosted.hostFileSystems(storage, settings, failures);
	}

	/** The registrations of {@code kind} whose primary copy this member holds; 0 before it joined. */
	long registryShare(ProcessKind kind) {
		return (this.placement != null) ? this.placement.registryShare(kind) : 0;
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

	/** Whether this node's member is in the cluster (it still is while it hands its processes off and leaves). */
	boolean joined() {
		HazelcastInstance instance = this.hazelcast;
		return instance != null && instance.getLifecycleService().isRunning();
	}

	/**
	 * This node's member while it is in the cluster (from its join until it left), for what sagents
	 * keeps on it besides the registry, such as the Hazelcast store; else empty.
	 */
	public Optional<HazelcastInstance> member() {
		return joined() ? Optional.of(this.hazelcast) : Optional.empty();
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

	/** {@link AgentInspector#inspect}; {@link RegistryUnavailableException} before this node joined. */
	Optional<AgentDetails> inspectAgent(String id) {
		AgentInspector joinedInspector = this.inspector;
		if (joinedInspector == null) {
			throw new RegistryUnavailableException(this.state.get());
		}
		return joinedInspector.inspect(id);
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

	// ---- events and split heal ---------------------------------------------------------------

	/** {@link HordeEvents#subscribe}; {@link RegistryUnavailableException} before this node joined. */
	Subscription subscribe(String agentId, AgentEventListener listener) {
		HordeEvents joinedEvents = this.events;
		if (joinedEvents == null) {
			throw new RegistryUnavailableException(this.state.get());
		}
		return joinedEvents.subscribe(agentId, listener);
	}

	/** {@link SplitHeal#reconcile()}. */
	void reconcile() {
		if (this.splitHeal != null) {
			this.splitHeal.reconcile();
		}
	}

}
