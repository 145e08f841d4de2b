package dev.sagents.horde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.hazelcast.core.HazelcastJsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.agent.AgentInfo;
import dev.sagents.cluster.NoHostAvailableException;
import dev.sagents.cluster.UniformDistribution;
import dev.sagents.filesystem.FileSystemInfo;
import dev.sagents.process.CallTimeoutException;
import dev.sagents.process.MemberLostException;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessRef;
import dev.sagents.registry.RegistryUnavailableException;
import dev.sagents.supervisor.ExitReason;
import dev.sagents.supervisor.StartResult;

/**
 * Where processes run, asked from any node: a start runs the process on the member that owns its
 * key ({@link UniformDistribution} over the {@code alive} members, so every node computes the
 * same), a lookup reads the cluster registry, a stop goes to the process's member, and a list asks
 * every member what it hosts.
 *
 * <p>The owner {@code putIfAbsent}s the registration, then starts the process, so concurrent
 * starts of one id from every node give one process, and a lookup anywhere right after a start
 * finds it.
 */
final class Placement {

	private static final Logger logger = LoggerFactory.getLogger(Placement.class);

	private final NodeContext node;

	private final ClusterRegistry registry;

	private final HostedProcesses hosted;

	private final ProcessCalls calls;

	private final Predicate<ProcessKey> callOffHandoff;

	private final Function<ProcessKey, String> destination;

	/**
	 * @param calls what the references this placement hands out call through
	 * @param callOffHandoff calls off the handoff of a process this node stopped while draining and
	 * did not send yet; whether it did
	 * @param destination the other member this node handed a process off to while draining, or
	 * {@code null}
	 */
	Placement(NodeContext node, ClusterRegistry registry, HostedProcesses hosted, ProcessCalls calls,
			Predicate<ProcessKey> callOffHandoff, Function<ProcessKey, String> destination) {
		this.node = node;
		this.registry = registry;
		this.hosted = hosted;
		this.calls = calls;
		this.callOffHandoff = callOffHandoff;
		this.destination = destination;
	}

	/**
	 * Starts the process described by {@code registration} on its owner (this node or another), or
	 * returns the running one.
	 */
	StartResult<ProcessRef> startProcess(Registration registration) {
		ensureAvailable();
		long deadline = System.nanoTime() + this.node.requestTimeout().toNanos();
		Set<String> refused = new HashSet<>();
		while (true) {
			List<String> hosts = this.node.membership().hostIds();
			hosts.removeAll(refused);
			String owner = UniformDistribution.owner(registration.key(), hosts)
				.orElseThrow(() -> new NoHostAvailableException(registration.key()));
			if (owner.equals(this.node.localMember())) {
				return startOwnedProcess(registration);
			}
			try {
				Reply reply = this.node.request(owner, RequestOperation.START,
						new Wire.Writer().writeRegistration(registration).toBytes(), Timing.remaining(deadline),
						registration.key());
				Wire.Reader in = new Wire.Reader(reply.data());
				boolean alreadyStarted = in.readBoolean();
				ProcessRef ref = ref(registration.key(), in.readString(), in.readString());
				return new StartResult<>(ref, alreadyStarted);
			}
			catch (MemberLostException | RegistryUnavailableException ex) {
				// The owner left or is leaving: place again without it.
				refused.add(owner);
			}
			if (System.nanoTime() - deadline > 0) {
				throw new CallTimeoutException(registration.key(), this.node.requestTimeout());
			}
		}
	}

	/** {@link #startProcess(Registration)}, with the reference as the type its kind has. */
	<R extends ProcessRef> StartResult<R> startProcess(Registration registration, Class<R> refType) {
		StartResult<ProcessRef> result = startProcess(registration);
		return new StartResult<>(refType.cast(result.ref()), result.alreadyStarted());
	}

	/** {@link #lookup(ProcessKey)}, with the reference as the type its kind has. */
	<R extends ProcessRef> Optional<R> lookup(ProcessKey key, Class<R> refType) {
		return lookup(key).map(refType::cast);
	}

	/**
	 * Registers the process here unless it runs somewhere, then starts it here: this node owns its
	 * key.
	 */
	StartResult<ProcessRef> startOwnedProcess(Registration requested) {
		Registration mine = requested.movedTo(this.node.localMember(), this.node.nodeName());
		HazelcastJsonValue json = mine.toJson();
		while (true) {
			HazelcastJsonValue existing = this.registry.registerIfAbsent(mine.key(), json);
			if (existing == null) {
				return startRegisteredProcess(mine, json);
			}
			Registration current = Registration.fromJson(mine.key(), existing);
			if (this.node.membership().isMember(current.host())) {
				return StartResult.foundRunning(ref(current.key(), current.host(), current.node()));
			}
			// Registered on a member that left and was not recovered yet: claim it now, one move more.
			Registration claimed = new Registration(mine.key(), mine.host(), mine.node(), mine.type(),
					mine.fileSystemScope(), mine.attributes(), current.moves() + 1);
			HazelcastJsonValue claimedJson = claimed.toJson();
			if (this.registry.replace(mine.key(), existing, claimedJson)) {
				return startRegisteredProcess(claimed, claimedJson);
			}
		}
	}

	/** The registrations of {@code kind} whose primary copy this member holds. */
	long registryShare(ProcessKind kind) {
		return this.registry.ownedCount(kind);
	}

	/**
	 * Starts here the process registered here as {@code json}; if it does not start, its
	 * registration is removed.
	 */
	StartResult<ProcessRef> startRegisteredProcess(Registration registration, HazelcastJsonValue json) {
		try {
			StartResult<? extends ProcessRef> local = this.hosted.startHere(registration);
			return new StartResult<>(ref(registration.key(), registration.host(), registration.node()),
					local.alreadyStarted());
		}
		catch (RuntimeException ex) {
			this.registry.remove(registration.key(), json);
			throw ex;
		}
	}

	/**
	 * Starts here again the process under {@code key}, which ended here while still registered
	 * here (it stopped as stale, or the member it was moving to did not take it), if the registry
	 * still names this member; a process registered elsewhere, or no longer registered, is left
	 * alone. See {@link Handoff#processEnded} and {@link Relocations}.
	 */
	void restartIfRegisteredHere(ProcessKey key) {
		HazelcastJsonValue json = this.registry.registered(key.kind(), Set.of(key.id())).get(key.id());
		if (json == null) {
			return;
		}
		Registration registration = Registration.fromJson(key, json);
		if (registration.host().equals(this.node.localMember())) {
			logger.info("{} ended here while still registered here: starting it again", key);
			startRegisteredProcess(registration, json);
		}
	}

	/** The running process under {@code key}, wherever it runs. */
	Optional<ProcessRef> lookup(ProcessKey key) {
		ensureAvailable();
		return this.node.membership()
			.withData(() -> this.registry.registration(key))
			.map((found) -> ref(key, found.host(), found.node()));
	}

	/** Stops the process under {@code key} wherever it runs; {@code false} if it was not running. */
	boolean stop(ProcessKey key) {
		ensureAvailable();
		long deadline = System.nanoTime() + this.node.requestTimeout().toNanos();
		while (true) {
			Optional<Registration> found = this.node.membership().withData(() -> this.registry.registration(key));
			if (found.isEmpty()) {
				return false;
			}
			String host = found.get().host();
			String self = this.node.localMember();
			if (host.equals(self)) {
				boolean hostedHere = this.hosted.lookup(key).isPresent();
				if (!hostedHere && this.callOffHandoff.test(key)) {
					// Stopped to be handed off, and not sent yet: it stays stopped.
					this.registry.removeIfHostedHere(key);
					return true;
				}
				String next = hostedHere ? null : this.destination.apply(key);
				if (next == null) {
					return stopHere(key);
				}
				// Handed off a moment ago, before the registry says so: stop it there.
				host = next;
			}
			try {
				Reply reply = this.node.request(host, RequestOperation.STOP,
						new Wire.Writer().writeString(key.toString()).toBytes(), Timing.remaining(deadline), key);
				return new Wire.Reader(reply.data()).readBoolean();
			}
			catch (MemberLostException ex) {
				// Its host left: the survivors restart it; stop it where it lands next.
				Timing.pause(1);
			}
			if (System.nanoTime() - deadline > 0) {
				throw new CallTimeoutException(key, this.node.requestTimeout());
			}
		}
	}

	/** Stops the process under {@code key} here, where it is registered. */
	boolean stopHere(ProcessKey key) {
		boolean stopped = this.hosted.stopHere(key, ExitReason.STOPPED);
		if (!stopped) {
			// Registered here but not running here (it ended a moment ago): drop the stale entry.
			this.registry.removeIfHostedHere(key);
		}
		return stopped;
	}

	int count(ProcessKind kind) {
		ensureAvailable();
		return this.node.membership().withData(() -> this.registry.count(kind));
	}

	List<ProcessKey> keys(ProcessKind kind) {
		ensureAvailable();
		return this.node.membership().withData(() -> this.registry.keys(kind));
	}

	/**
	 * How many processes each member hosts, by node name; members that share a name (reported
	 * apart, as duplicate node names) are counted together. One pass over the registry per kind.
	 */
	Map<String, Integer> hostedPerNode() {
		Map<String, Integer> perNode = new LinkedHashMap<>();
		if (!this.node.joined().getAsBoolean() || !this.node.membership().holdsData()) {
			return perNode;
		}
		Map<String, Long> hosted = new HashMap<>();
		for (ProcessKind kind : ProcessKind.values()) {
			this.registry.countHostedByMember(kind).forEach((member, count) -> hosted.merge(member, count, Long::sum));
		}
		for (String member : this.node.membership().memberIds()) {
			perNode.merge(this.node.membership().nodeName(member), hosted.getOrDefault(member, 0L).intValue(),
					Integer::sum);
		}
		return perNode;
	}

	/** The agents of every member. */
	List<AgentInfo> listAgents() {
		ensureAvailable();
		return gather(ProcessKind.AGENT, this.hosted.agents()::listHosted, HostedListing::decodeAgents);
	}

	/** The file systems of every member. */
	List<FileSystemInfo> listFileSystems() {
		ensureAvailable();
		return gather(ProcessKind.FILESYSTEM, this.hosted.fileSystems()::listHosted, HostedListing::decodeFileSystems);
	}

	private <T> List<T> gather(ProcessKind kind, Supplier<List<T>> local,
			Function<byte[], List<T>> decode) {
		List<T> all = new ArrayList<>(local.get());
		Map<String, CompletableFuture<Reply>> replies = new LinkedHashMap<>();
		for (String member : this.node.membership().memberIds()) {
			if (!member.equals(this.node.localMember())) {
				replies.put(member, this.node.transport().request(member, RequestOperation.LIST,
						new Wire.Writer().writeString(kind.name()).toBytes(), this.node.requestTimeout()));
			}
		}
		replies.forEach((member, reply) -> {
			try {
				all.addAll(decode.apply(this.node.replies().awaitReply(reply, null).data()));
			}
			catch (MemberLostException | CallTimeoutException | RegistryUnavailableException ex) {
				logger.debug("Member {} did not list its processes: {}", member, ex.getMessage());
			}
		});
		return all;
	}

	/**
	 * Throws {@link RegistryUnavailableException} unless this node runs and a member holds the
	 * registry: a proxy node alone with other proxies has none to ask.
	 */
	private void ensureAvailable() {
		this.node.state().ensureAvailable();
		this.node.membership().ensureDataHeld();
	}

	/** A reference to {@code key} hosted on {@code host}. */
	private ProcessRef ref(ProcessKey key, String host, String hostNode) {
		return this.hosted.ref(this.calls, key, host, hostNode);
	}

}
