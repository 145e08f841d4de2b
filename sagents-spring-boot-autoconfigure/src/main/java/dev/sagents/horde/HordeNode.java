package dev.sagents.horde;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import com.hazelcast.core.HazelcastInstance;
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

	private Recovery recovery;

	private SplitHeal splitHeal;

	private CastForwarder forwarder;

	private ClusterRegistry registry;

	private SilentConnectionGuard silentConnections;

	private ArrivingProcesses arriving;

	private RestartedProcesses restartedProcesses;

	/**
	 * Runs the work that waits on Hazelcast (requests from other members, restarts, forwarding), so
	 * it never holds the handler executor and many such waits overlap. Idle threads time out.
	 */
	private ThreadPoolExecutor blocking;

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
		this.membership = new HordeMembership(this.hazelcast, this.settings.nodeName(),
				(departure) -> this.recovery.memberLeft(departure));
		this.replies = new Replies(this.settings.requestTimeout(), this.membership::nodeName);
		this.registry = new ClusterRegistry(this.hazelcast, this.membership::localMember, this.blocking);
		this.transport = new HordeTransport(this.hazelcast, this.runtime.executor(), this.blocking, this.runtime.timer(),
				this);
		this.hazelcast.getLifecycleService().addLifecycleListener((event) -> {
			if (event.getState() == LifecycleEvent.LifecycleState.MERGING) {
				this.merges.incrementAndGet();
			}
			else if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
				this.blocking.execute(() -> this.splitHeal.rejoin());
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
		this.recovery = new Recovery(context, this.hazelcast, this.registry, this.placement::startRegisteredProcess,
				this.restartedProcesses, this.arriving, this.events, this.merges::get);
		this.splitHeal = new SplitHeal(context, this.registry, this.hosted, this.recovery, this.events);
		this.hosted.sendNoticesTo(this);
		this.membership.start();
		this.transport.start();
		this.hosted.registry().start();
		this.state.set(RegistryState.RUNNING);
		this.membership.announce(MemberStatus.ALIVE);
		this.recovery.startSweeps();
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
		this.recovery.stopSweeps();
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

	/** {@link SplitHeal#reconcile()}. */
	void reconcile() {
		this.splitHeal.reconcile();
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
