package dev.sagents.horde;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;

import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.process.ProcessKind;

/**
 * The parts of a node that need its Hazelcast member, built together when the node joins, each
 * with what it uses; none of them holds the node or this. {@link HordeNode} drives their life.
 */
final class HordeParts {

	/** Threads that wait on Hazelcast at once (restarts, handoffs, requests from other members). */
	private static final int BLOCKING_THREADS = 32;

	/**
	 * How long a message sent ahead to the next owner of a draining member's process waits there for
	 * the process: a handoff takes a few hundred milliseconds even with thousands of processes.
	 */
	private static final Duration ARRIVAL_PATIENCE = Duration.ofMillis(500);

	/**
	 * How long after a member failed, or after the latest restart announced since, callers of its
	 * processes wait for the survivors to announce where they restarted them (see
	 * {@link RestartedProcesses}) before they follow the registry.
	 */
	private static final Duration RESTART_PATIENCE = Duration.ofSeconds(1);

	/** How long an announced restart is remembered for callers that still name the failed member. */
	private static final Duration RESTART_MEMORY = Duration.ofSeconds(10);

	/**
	 * How long a member that drained and left is remembered, so that callers whose references still
	 * name it go where it handed their process ({@link DrainedMembers}); fixed, not configurable.
	 */
	private static final Duration DRAIN_MEMORY = Duration.ofSeconds(10);

	/** How many times this node began to merge into another cluster after a split brain. */
	private final AtomicLong merges = new AtomicLong();

	/**
	 * Runs the work that waits on Hazelcast (requests from other members, restarts, forwarding), so
	 * it never holds the handler executor and many such waits overlap. Idle threads time out.
	 */
	final ThreadPoolExecutor blocking;

	/**
	 * Runs the groups of a failover's first claims ({@link ClusterRegistry#claimOrphansIn}), which
	 * wait for partitions still moving, apart from {@link #blocking}. Idle threads time out.
	 */
	final ThreadPoolExecutor claims;

	final SilentConnectionGuard silentConnections;

	final HordeMembership membership;

	/** The members that drained and left a moment ago, and where their processes went. */
	final DrainedMembers drained;

	final HordeTransport transport;

	final HordeEvents events;

	final Handoff handoff;

	final Placement placement;

	final Recovery recovery;

	/** With active rebalancing, evens out the agents the hosting members host. */
	final Rebalancer rebalancer;

	final SplitHeal splitHeal;

	final AgentInspector inspector;

	/** What this member does with the messages addressed to it, once it listens. */
	final InboundDispatcher inbound;

	/** What the local supervisors tell the parts about the processes they start and end. */
	final HostingNotices notices;

	/**
	 * Builds the parts over {@code hazelcast}, this node's member, which already runs.
	 * @param payloads how messages and replies of each kind travel
	 * @param joined whether this node's member is in the cluster
	 */
	HordeParts(HazelcastInstance hazelcast, HordeSettings settings, LocalProcessRuntime runtime, HostedProcesses hosted,
			Map<ProcessKind, PayloadFormat> payloads, AgentEvents agentEvents, NodeState state, BooleanSupplier joined) {
		this.blocking = pool(BLOCKING_THREADS, "sagents-horde-" + settings.nodeName());
		this.claims = pool(ClusterRegistry.CLAIM_GROUPS, "sagents-horde-claims-" + settings.nodeName());
		ArrivingProcesses arriving = new ArrivingProcesses(ARRIVAL_PATIENCE, runtime.executor(), runtime.timer());
		RestartedProcesses restartedProcesses = new RestartedProcesses(RESTART_PATIENCE, RESTART_MEMORY,
				runtime.executor(), runtime.timer());
		this.silentConnections = new SilentConnectionGuard(hazelcast, settings.silentConnectionTimeout());
		// Departures and merges are listened for only once the parts that handle them exist (below).
		FailoverTiming failovers = new FailoverTiming(runtime.metrics(), System::nanoTime);
		this.drained = new DrainedMembers(this::hostIds, DRAIN_MEMORY, runtime.timer());
		this.membership = new HordeMembership(hazelcast, settings.nodeName(), (departure) -> {
			recovery().memberLeft(departure);
			rebalancer().membersChanged();
			if (departure.graceful()) {
				this.drained.memberDrained(departure.member());
			}
		}, (member) -> rebalancer().membersChanged());
		Replies replies = new Replies(settings.requestTimeout(), this.membership::nodeName);
		ClusterRegistry registry = new ClusterRegistry(hazelcast, this.membership::localMember, this.blocking,
				this.claims);
		this.transport = new HordeTransport(hazelcast, runtime.executor(), this.blocking, runtime.timer(),
				this.membership::isMember, runtime.observations()::outgoing);
		this.events = new HordeEvents(hazelcast, this.transport, this.membership, hosted.registry(), hosted.agents(),
				agentEvents, registry::registration, settings.requestTimeout(), joined);
		NodeContext context = new NodeContext(settings, runtime, this.blocking, this.membership, this.transport,
				replies, state, joined);
		// A stale copy still registered here starts again through the placement, built below.
		BatchStarts starts = new BatchStarts(hosted::storage, (key) -> hosted.lookup(key).isPresent());
		Destinations destinations = new Destinations(context);
		this.handoff = new Handoff(context, registry, hosted, destinations, starts,
				(key) -> placement().restartIfRegisteredHere(key), this.events::agentsRegistered);
		CastForwarder forwarder = new CastForwarder(context, payloads, registry, hosted, destinations::destinationOf);
		CallRouter router = new CallRouter(context, payloads, hosted,
				new ProcessFollower(context, registry, restartedProcesses, this.drained, forwarder));
		this.placement = new Placement(context, registry, hosted,
				ObservedCalls.of(MeteredCalls.of(router, this.membership::localMember, runtime.metrics()),
						this.membership::localMember, runtime.observations()),
				destinations::callOff, destinations::destinationOf);
		OrphanRestarts restarts = new OrphanRestarts(context, starts,
				failovers.timed(this.placement::startRegisteredProcess), restartedProcesses);
		this.recovery = new Recovery(context, hazelcast, registry, restarts, restartedProcesses, arriving, this.events,
				this.merges::get, failovers);
		this.splitHeal = new SplitHeal(context, registry, hosted, this.recovery, this.events);
		this.inspector = new AgentInspector(context, registry, hosted, destinations::destinationOf);
		this.rebalancer = new Rebalancer(context, hosted,
				new Relocations(context, hosted, destinations, this.handoff, this.placement::restartIfRegisteredHere),
				() -> registry.countHostedByMember(ProcessKind.AGENT), () -> registry.count(ProcessKind.AGENT));
		this.notices = new HostingNotices(arriving, this.events, this.handoff, forwarder);
		this.inbound = new InboundDispatcher(context, payloads, hosted, arriving, this.placement, this.handoff,
				destinations, forwarder, this.events, restartedProcesses);
		hazelcast.getLifecycleService().addLifecycleListener((event) -> {
			if (event.getState() == LifecycleEvent.LifecycleState.MERGING) {
				this.merges.incrementAndGet();
			}
			else if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
				this.blocking.execute(this.splitHeal::rejoin);
			}
		});
	}

	/** A pool of up to {@code threads} daemon threads named {@code name}, whose idle threads time out. */
	private static ThreadPoolExecutor pool(int threads, String name) {
		ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (task) -> {
					Thread thread = new Thread(task, name);
					thread.setDaemon(true);
					return thread;
				});
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	/** Read when a member that drained is asked about, which is after the build. */
	private List<String> hostIds() {
		return this.membership.hostIds();
	}

	/** Read when a member leaves, which it cannot before the membership listens, after the build. */
	private Recovery recovery() {
		return this.recovery;
	}

	/** Read when a member joins or leaves, which it cannot before the membership listens, after the build. */
	private Rebalancer rebalancer() {
		return this.rebalancer;
	}

	/** Read when a stale copy stopped, which it cannot before the node runs, after the build. */
	private Placement placement() {
		return this.placement;
	}

}
