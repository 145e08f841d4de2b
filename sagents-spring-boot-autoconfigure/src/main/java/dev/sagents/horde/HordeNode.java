package dev.sagents.horde;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.hazelcast.core.HazelcastInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.agent.AgentBehaviorResolver;
import dev.sagents.agent.AgentDetails;
import dev.sagents.agent.AgentEventListener;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.Subscription;
import dev.sagents.cluster.MemberStatus;
import dev.sagents.codec.MessageCodec;
import dev.sagents.filesystem.FileSystemSettings;
import dev.sagents.filesystem.FileSystemSupervisor;
import dev.sagents.local.LocalAgentsSupervisor;
import dev.sagents.local.LocalFileSystemSupervisor;
import dev.sagents.local.LocalProcessRegistry;
import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.metrics.MeteredCodec;
import dev.sagents.persistence.AgentStorage;
import dev.sagents.persistence.FileSystemStorage;
import dev.sagents.process.ProcessKind;
import dev.sagents.registry.RegistryState;
import dev.sagents.registry.RegistryUnavailableException;
import dev.sagents.supervisor.ProcessFailureLog;

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
 * <li>{@link Rebalancer}: with active rebalancing, members above their share of agents send the excess to those below;
 * <li>{@link Recovery}: the survivors restart the processes of a member that left;
 * <li>{@link SplitHeal}: one process per id again after a network split healed.
 * </ul>
 * The parts that need the Hazelcast member are built when the node starts, in {@link #start()}, by
 * {@link HordeParts}, each with what it uses; none of them holds this node.
 */
public final class HordeNode {

	private static final Logger logger = LoggerFactory.getLogger(HordeNode.class);

	private final HazelcastMemberProvider members;

	private final LocalProcessRuntime runtime;

	private final HordeSettings settings;

	private final HostedProcesses hosted;

	private final Map<ProcessKind, PayloadFormat> payloads = new EnumMap<>(ProcessKind.class);

	private final AgentEvents agentEvents;

	private final NodeState state = new NodeState();

	private HazelcastInstance hazelcast;

	/** The parts that need the Hazelcast member, built when this node joins; {@code null} before. */
	private volatile HordeParts parts;

	public HordeNode(HazelcastMemberProvider members, LocalProcessRuntime runtime, MessageCodec codec,
			HordeSettings settings) {
		this.members = members;
		this.runtime = runtime;
		this.settings = settings;
		this.hosted = new HostedProcesses(runtime);
		MessageCodec metered = MeteredCodec.of(codec, runtime.metrics());
		this.payloads.put(ProcessKind.AGENT, limited(ProcessKind.AGENT, new AgentPayloads(metered)));
		this.payloads.put(ProcessKind.FILESYSTEM, limited(ProcessKind.FILESYSTEM, new FileSystemPayloads()));
		this.agentEvents = new AgentEvents(metered);
	}

	private PayloadFormat limited(ProcessKind kind, PayloadFormat payloads) {
		return new SizeLimitedPayloads(payloads, kind, this.settings.maxMessageBytes(), this.runtime.metrics());
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
		this.hazelcast = this.members.start();
		HordeParts joined = new HordeParts(this.hazelcast, this.settings, this.runtime, this.hosted, this.payloads,
				this.agentEvents, this.state, this::joined);
		joined.silentConnections.start(this.runtime.timer());
		this.parts = joined;
		this.hosted.sendNoticesTo(joined.notices);
		joined.membership.start();
		joined.transport.start(joined.inbound);
		this.hosted.registry().start();
		this.state.set(RegistryState.RUNNING);
		joined.membership.announce(this.state.memberStatus());
		joined.recovery.startSweeps();
		logger.info("sagents node {} joined the horde as member {}{}", this.settings.nodeName(),
				joined.membership.localMember(),
				hosting ? "" : ", hosting nothing (the sagents supervisor does not run here)");
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
		this.parts.rebalancer.stop();
		this.parts.handoff.beganDraining();
		this.parts.membership.announce(MemberStatus.SHUTTING_DOWN);
		logger.info("sagents node {} is draining: its processes stop and go to their next owners",
				this.settings.nodeName());
		this.parts.handoff.markHostedProcesses();
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
		HordeParts joined = this.parts;
		if (joined != null) {
			joined.handoff.await();
		}
	}

	/** Leaves the horde: stops following it, leaves the cluster, then stops listening. */
	synchronized void stop() {
		if (this.state.is(RegistryState.STOPPED) || this.hazelcast == null) {
			this.state.set(RegistryState.STOPPED);
			return;
		}
		this.state.set(RegistryState.STOPPED);
		HordeParts joined = this.parts;
		joined.rebalancer.stop();
		joined.recovery.stopSweeps();
		joined.silentConnections.stop();
		joined.events.close();
		joined.membership.stop();
		this.hosted.registry().stop();
		// Leave first, stop listening last: until the member is gone, late calls hear "not here"
		// and follow their process instead of waiting for a member that no longer answers.
		long leaving = System.nanoTime();
		this.members.stop();
		logger.debug("The Hazelcast member of node {} shut down in {} ms", this.settings.nodeName(),
				Timing.millisSince(leaving));
		joined.transport.stop();
		joined.blocking.shutdown();
		joined.claims.shutdown();
		joined.handoff.clear();
		if (joined.handoff.drained()) {
			joined.handoff.logLeft();
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
		HordeParts joined = this.parts;
		return (joined != null) ? joined.placement.registryShare(kind) : 0;
	}

	/** The registry of the processes this node hosts. */
	LocalProcessRegistry hosted() {
		return this.hosted.registry();
	}

	HordeSettings settings() {
		return this.settings;
	}

	HordeMembership membership() {
		HordeParts joined = this.parts;
		return (joined != null) ? joined.membership : null;
	}

	/** Whether {@code member} drained and left a moment ago, as this node knows. */
	boolean knowsDrained(String member) {
		HordeParts joined = this.parts;
		return joined != null && joined.drained.remembers(member);
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

	/** How many processes each member hosts, by node name; none before this node joined. */
	Map<String, Integer> hostedPerNode() {
		HordeParts joined = this.parts;
		return (joined != null) ? joined.placement.hostedPerNode() : new LinkedHashMap<>();
	}

	/** {@link AgentInspector#inspect}; {@link RegistryUnavailableException} before this node joined. */
	Optional<AgentDetails> inspectAgent(String id) {
		return joinedParts().inspector.inspect(id);
	}

	/**
	 * Placement (start, lookup, stop and listing from any node), once this node runs:
	 * {@link RegistryUnavailableException} before, and once it drains, as it takes no new work.
	 */
	Placement placement() {
		this.state.ensureAvailable();
		return this.parts.placement;
	}

	/** The parts, once this node joined: {@link RegistryUnavailableException} before. */
	private HordeParts joinedParts() {
		HordeParts joined = this.parts;
		if (joined == null) {
			throw new RegistryUnavailableException(this.state.get());
		}
		return joined;
	}

	// ---- events and split heal ---------------------------------------------------------------

	/** {@link HordeEvents#subscribe}; {@link RegistryUnavailableException} before this node joined. */
	Subscription subscribe(String agentId, AgentEventListener listener) {
		return joinedParts().events.subscribe(agentId, listener);
	}

	/** {@link SplitHeal#reconcile()}. */
	void reconcile() {
		HordeParts joined = this.parts;
		if (joined != null) {
			joined.splitHeal.reconcile();
		}
	}

}
