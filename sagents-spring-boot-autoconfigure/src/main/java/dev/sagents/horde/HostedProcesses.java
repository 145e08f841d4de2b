package dev.sagents.horde;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.sagents.agent.AgentBehaviorResolver;
import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentDetails;
import dev.sagents.agent.AgentSettings;
import dev.sagents.filesystem.FileSystemSettings;
import dev.sagents.filesystem.FileSystemSupervisor;
import dev.sagents.local.HostingListener;
import dev.sagents.local.LocalAgentsSupervisor;
import dev.sagents.local.LocalFileSystemSupervisor;
import dev.sagents.local.LocalProcessRegistry;
import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.observation.TraceHeaders;
import dev.sagents.persistence.AgentStorage;
import dev.sagents.persistence.ClaimingAhead;
import dev.sagents.persistence.FileSystemStorage;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessRef;
import dev.sagents.supervisor.ExitReason;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.supervisor.StartResult;

/**
 * What this node hosts: its local registry and the local supervisors its processes run in, one per
 * kind, built when a horde supervisor asks the node to host that kind. This is the one place that
 * tells the kinds apart: how one starts, stops and is listed here, and what it is registered as.
 *
 * <p>The local supervisors tell the horde what they start and end through a seam of this class,
 * connected to the parts that act on it once the node joined ({@link #sendNoticesTo}); nothing
 * hosted here starts before that, as the local registry runs only from then on.
 */
final class HostedProcesses {

	private final LocalProcessRuntime runtime;

	private final LocalProcessRegistry registry = new LocalProcessRegistry();

	/**
	 * How many times each process hosted here changed host before it came here, as its
	 * registration counted; only those that moved, forgotten when they end.
	 */
	private final Map<ProcessKey, Integer> moves = new ConcurrentHashMap<>();

	private final Seam seam = new Seam(this.moves);

	private LocalAgentsSupervisor agents;

	/** What the agents hosted here persist through, once the node hosts agents. */
	private AgentStorage agentStorage;

	private LocalFileSystemSupervisor fileSystems;

	/** What the file systems hosted here persist through, once the node hosts file systems. */
	private FileSystemStorage fileSystemStorage;

	/** The timeout of calls that name none, by kind, once the node hosts that kind. */
	private Duration agentCallTimeout = AgentSettings.defaults().callTimeout();

	private Duration fileSystemCallTimeout = FileSystemSettings.defaults().callTimeout();

	HostedProcesses(LocalProcessRuntime runtime) {
		this.runtime = runtime;
	}

	/** Hosts agents here, in a local supervisor the caller starts and stops; returns it. */
	LocalAgentsSupervisor hostAgents(AgentBehaviorResolver behaviors, AgentStorage storage,
			FileSystemSupervisor fileSystems, AgentSettings settings, ProcessFailureLog failures) {
		this.agents = new LocalAgentsSupervisor(this.runtime, this.registry, behaviors, storage, fileSystems,
				settings, failures, this.seam);
		this.agentStorage = storage;
		this.agentCallTimeout = settings.callTimeout();
		return this.agents;
	}

	/** Hosts file systems here, in a local supervisor the caller starts and stops; returns it. */
	LocalFileSystemSupervisor hostFileSystems(FileSystemStorage storage, FileSystemSettings settings,
			ProcessFailureLog failures) {
		this.fileSystems = new LocalFileSystemSupervisor(this.runtime, this.registry, storage, settings, failures,
				this.seam);
		this.fileSystemStorage = storage;
		this.fileSystemCallTimeout = settings.callTimeout();
		return this.fileSystems;
	}

	/** From now on, tells {@code notices} what the local supervisors start and end. */
	void sendNoticesTo(HostingListener notices) {
		this.seam.notices = notices;
	}

	LocalProcessRegistry registry() {
		return this.registry;
	}

	LocalAgentsSupervisor agents() {
		return this.agents;
	}

	/**
	 * What the processes of {@code kind} hosted here persist through, to claim ahead; empty while
	 * the node hosts none of that kind.
	 */
	Optional<ClaimingAhead> storage(ProcessKind kind) {
		return Optional.ofNullable(switch (kind) {
			case AGENT -> this.agentStorage;
			case FILESYSTEM -> this.fileSystemStorage;
		});
	}

	LocalFileSystemSupervisor fileSystems() {
		return this.fileSystems;
	}

	/**
	 * A reference to {@code key} hosted on {@code host}, whose calls go through {@code calls}. Even
	 * for a process hosted here it is a horde reference, which calls the local process directly but
	 * follows it when it moves.
	 */
	ProcessRef ref(ProcessCalls calls, ProcessKey key, String host, String hostNode) {
		return switch (key.kind()) {
			case AGENT -> new HordeAgentRef(calls, key, host, hostNode, this.agentCallTimeout);
			case FILESYSTEM -> new HordeFileSystemRef(calls, key, host, hostNode, this.fileSystemCallTimeout);
		};
	}

	/** Starts the process of {@code registration} here, or finds it running here. */
	StartResult<? extends ProcessRef> startHere(Registration registration) {
		if (registration.moves() > 0) {
			this.moves.put(registration.key(), registration.moves());
		}
		return switch (registration.key().kind()) {
			case AGENT -> this.agents.startAgent(registration.agentSpec());
			case FILESYSTEM -> this.fileSystems.startFileSystem(registration.key().id());
		};
	}

	/** Stops the process under {@code key} if it runs here, whatever the registry's state. */
	boolean stopHere(ProcessKey key, ExitReason reason) {
		return switch (key.kind()) {
			case AGENT -> this.agents.stopHosted(key.id(), reason);
			case FILESYSTEM -> this.fileSystems.stopHosted(key.id(), reason);
		};
	}

	/**
	 * Stops everything hosted here for the node's drain, agents first (they persist and may still
	 * write to their file systems), then file systems; a kind not hosted here is skipped.
	 */
	void stopAll() {
		if (this.agents != null) {
			this.agents.stop();
		}
		if (this.fileSystems != null) {
			this.fileSystems.stop();
		}
	}

	/** What this node hosts of {@code kind}, as a list request is answered. */
	byte[] listHere(ProcessKind kind) {
		return switch (kind) {
			case AGENT -> HostedListing.encodeAgents(this.agents.listHosted());
			case FILESYSTEM -> HostedListing.encodeFileSystems(this.fileSystems.listHosted());
		};
	}

	/** The registration of {@code process}, which runs (or ran) here, on member {@code host}, with its moves. */
	Registration registrationOf(ProcessRef process, String host, String node) {
		Registration registration = (process instanceof AgentContext agent)
				? Registration.ofAgent(agent.spec(), host, node)
				: Registration.ofFileSystem(process.key().id(), host, node);
		int moved = movesOf(process.key());
		return (moved == 0) ? registration
				: new Registration(registration.key(), host, node, registration.type(), registration.fileSystemScope(),
						registration.attributes(), moved);
	}

	/** How many times the process under {@code key}, hosted here, changed host before it came here. */
	int movesOf(ProcessKey key) {
		return this.moves.getOrDefault(key, 0);
	}

	/** Agent {@code id} if it runs here, as an operator inspects it; empty on a node that hosts no agents. */
	Optional<AgentDetails> inspectHere(String id) {
		return (this.agents != null) ? this.agents.inspectHosted(id, movesOf(ProcessKey.agent(id))) : Optional.empty();
	}

	/** The process under {@code key} hosted here, whatever its state. */
	Optional<ProcessRef> lookup(ProcessKey key) {
		return this.registry.lookupHosted(key);
	}

	/** The process {@code key} if it runs on this node. */
	Optional<ProcessRef> runningHere(ProcessKey key) {
		return this.registry.lookupHosted(key).filter(ProcessRef::isAlive);
	}

	/** The keys of the processes of {@code kind} hosted here. */
	List<ProcessKey> keys(ProcessKind kind) {
		return this.registry.keysHosted(kind);
	}

	/** Where the local supervisors' notices enter the horde: passed on to whoever listens now. */
	private static final class Seam implements HostingListener {

		private final Map<ProcessKey, Integer> moves;

		private volatile HostingListener notices = HostingListener.NONE;

		Seam(Map<ProcessKey, Integer> moves) {
			this.moves = moves;
		}

		@Override
		public void starting(ProcessKey key) {
			this.notices.starting(key);
		}

		@Override
		public void notStarted(ProcessKey key) {
			this.notices.notStarted(key);
		}

		@Override
		public void started(ProcessRef process) {
			this.notices.started(process);
		}

		@Override
		public void ended(ProcessRef process, ExitReason reason) {
			// Read by the handoff of a process stopped as its node drains: forgotten after.
			this.notices.ended(process, reason);
			this.moves.remove(process.key());
		}

		@Override
		public void undelivered(ProcessRef process, Object message, TraceHeaders headers) {
			this.notices.undelivered(process, message, headers);
		}

	}

}
