package dev.sagents.horde;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.cluster.UniformDistribution;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessRef;
import dev.sagents.registry.RegistryState;
import dev.sagents.supervisor.ExitReason;

/**
 * The handoff of a draining node's processes to their next owners, and, on the receiving side, the
 * acceptance of a handoff. As the processes of a draining node stop, it hands them off in rounds:
 * one request per next owner (consistent hashing over the other {@code alive} members) with the
 * registrations of its share. The owner starts them at once ({@link HandoffAcceptance}), with
 * state from persistence, then
 * registers them under itself. Calls that still reach the draining node meanwhile are redirected
 * ({@code MOVED}) to where their process went, before the registry says so. If an owner does not
 * confirm, the node claims its share back, and the survivors restart it once the node left. A
 * running node moves processes to another member the same way ({@link Relocations}).
 */
final class Handoff {

	private static final Logger logger = LoggerFactory.getLogger(Handoff.class);

	/**
	 * A draining node that handed its processes off stays until no caller needed redirecting for
	 * this long (or {@link #REDIRECT_LINGER} passed): its callers learn the new hosts while the
	 * cluster is calm, before its partitions migrate away, which slows every call for a second.
	 */
	private static final Duration REDIRECT_QUIET = Duration.ofMillis(100);

	/** The longest a draining node stays to redirect callers once its processes were handed off. */
	private static final Duration REDIRECT_LINGER = Duration.ofSeconds(1);

	private final NodeContext node;

	private final ClusterRegistry registry;

	private final HostedProcesses hosted;

	/** Processes this node stopped while draining, waiting to be handed off. */
	private final Queue<Registration> queued = new ConcurrentLinkedQueue<>();

	/** Where the processes this node hands off go. */
	private final Destinations destinations;

	/** Accepts handoffs from draining members; this node's own drain waits for those under way. */
	private final HandoffAcceptance acceptance;

	/** Whether a round of handoffs is being sent: one at a time, each taking everything queued by then. */
	private final AtomicBoolean sending = new AtomicBoolean();

	/** The rounds being sent and the handoffs not confirmed yet: this node leaves once none is left. */
	private final Set<CompletableFuture<?>> unconfirmed = ConcurrentHashMap.newKeySet();

	/** How many processes the next owners accepted from this node as it drained. */
	private final AtomicInteger handedOff = new AtomicInteger();

	/** When this node began to drain ({@link System#nanoTime()}), for the log. */
	private volatile long drainingSince;

	/** For the log: when the handoffs were confirmed and the redirections ended, in ms after the drain began. */
	private long confirmedAfter;

	private long redirectedUntil;

	/** Starts here again a process that stopped as stale, if the registry still names this member. */
	private final Consumer<ProcessKey> restartIfRegisteredHere;

	/**
	 * @param restartIfRegisteredHere starts here again a process that stopped as stale, if the
	 * registry still names this member (and leaves it alone if not)
	 * @param agentsRegistered told of the agents a handoff brought here once they are registered
	 * here (by id)
	 */
	Handoff(NodeContext node, ClusterRegistry registry, HostedProcesses hosted, Destinations destinations,
			BatchStarts starts, Consumer<ProcessKey> restartIfRegisteredHere,
			Consumer<Collection<String>> agentsRegistered) {
		this.node = node;
		this.destinations = destinations;
		this.registry = registry;
		this.hosted = hosted;
		this.acceptance = new HandoffAcceptance(node, registry, hosted, starts, agentsRegistered);
		this.restartIfRegisteredHere = restartIfRegisteredHere;
	}

	/** Notes when this node began to drain, for the log. */
	void beganDraining() {
		this.drainingSince = System.nanoTime();
	}

	/**
	 * Marks every process this node hosts as on its way to its next owner: from now on a call that
	 * finds one of them stopped asks again shortly, instead of waiting for the registry, which is
	 * busy moving their registrations.
	 */
	void markHostedProcesses() {
		for (ProcessKind kind : ProcessKind.values()) {
			this.destinations.leaving(this.hosted.keys(kind));
		}
	}

	/**
	 * A process hosted here ended: one that stopped because this node drains is queued for its
	 * handoff; one whose write was refused as stale starts again here if the registry still names
	 * this member; any other is unregistered (unless it ended as a duplicate, or this node left).
	 *
	 * <p>A stale copy that is still registered here is the one copy left: the newer activation
	 * that claimed its state was the second copy of a split, which the other side started and
	 * stopped as a duplicate when the split healed. Unregistered, the process would run nowhere;
	 * started again, it claims the newest epoch and goes on from the newest stored state. A copy
	 * registered elsewhere (this node was paused and replaced) is left to the copy there.
	 */
	void processEnded(ProcessRef process, ExitReason reason) {
		if (reason == ExitReason.SHUTDOWN && this.node.state().is(RegistryState.DRAINING)) {
			this.destinations.leaving(List.of(process.key()));
			this.queued
				.add(this.hosted.registrationOf(process, this.node.localMember(), this.node.nodeName()));
			scheduleSending();
			return;
		}
		if (reason == ExitReason.SHUTDOWN && this.destinations.isLeaving(process.key())) {
			// Stopped to move to another member: its relocation hands it off (see Relocations).
			return;
		}
		this.destinations.remove(process.key());
		if (this.node.state().is(RegistryState.STOPPED)) {
			return;
		}
		if (reason == ExitReason.STALE) {
			ProcessKey key = process.key();
			CompletableFuture.runAsync(() -> this.restartIfRegisteredHere.accept(key), this.node.blocking())
				.exceptionally((ex) -> {
					logger.warn("{} stopped as stale and could not start again here", key, ex);
					return null;
				});
		}
		else if (reason != ExitReason.CONFLICT) {
			this.registry.removeIfHostedHere(process.key());
		}
	}

	private void scheduleSending() {
		if (this.sending.compareAndSet(false, true)) {
			track(CompletableFuture.runAsync(this::sendQueued, this.node.blocking()));
		}
	}

	/** Keeps {@code handoff} among {@link #unconfirmed} until it completes. */
	private void track(CompletableFuture<?> handoff) {
		this.unconfirmed.add(handoff);
		handoff.whenComplete((done, error) -> this.unconfirmed.remove(handoff));
	}

	/**
	 * Hands off everything queued, in rounds: processes stop side by side, so by the time one
	 * round is sent the next has many to take at once. A round does not wait for the owners to
	 * confirm.
	 */
	private void sendQueued() {
		try {
			// A process handed to this node a moment ago is registered here only once that handoff
			// is done: hand it on after that, or its next owner would not find it registered here.
			this.acceptance.awaitUnderWay();
			List<Registration> batch = new ArrayList<>();
			for (Registration stopped = this.queued.poll(); stopped != null; stopped = this.queued.poll()) {
				batch.add(stopped);
			}
			if (!batch.isEmpty()) {
				logger.debug("Handing {} processes off, {} ms after the drain began", batch.size(),
						Timing.millisSince(this.drainingSince));
				send(batch);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Handing processes off failed; survivors restart them once this node left", ex);
		}
		finally {
			this.sending.set(false);
		}
		if (!this.queued.isEmpty()) {
			scheduleSending();
		}
	}

	/**
	 * Asks the next owner of each stopped process to accept its handoff: one request per owner,
	 * with the registrations, so the owner starts them at once (their state comes from persistence
	 * there) and then moves their registry entries from this node to itself. Calls that reach this
	 * node meanwhile are sent on to the new owner. A process with nobody left to take it ends with
	 * this node. If an owner does not confirm, what it claimed is claimed back: once this node
	 * left, the survivors restart those processes.
	 */
	private void send(List<Registration> stopped) {
		nextOwners(stopped).forEach(this::offer);
	}

	/**
	 * The next owner of each of {@code stopped}, with what it takes; a process with nobody left to
	 * take it ends with this node (its registration is removed).
	 */
	private Map<String, List<Registration>> nextOwners(List<Registration> stopped) {
		String self = this.node.localMember();
		List<String> hosts = this.node.membership().hostIds();
		Map<String, List<Registration>> byOwner = new LinkedHashMap<>();
		for (Registration registration : stopped) {
			Optional<String> next = UniformDistribution.owner(registration.key(), hosts);
			if (next.isEmpty() || next.get().equals(self)) {
				this.destinations.remove(registration.key());
				this.registry.removeIfHostedHere(registration.key());
			}
			else {
				byOwner.computeIfAbsent(next.get(), (owner) -> new ArrayList<>()).add(registration);
			}
		}
		return byOwner;
	}

	/**
	 * Hands {@code stopped}, processes this node stopped, off to {@code owner}; those stopped for
	 * good meanwhile ({@link Destinations#callOff}) are left out. Completes with what became of
	 * those offered ({@link Offered}).
	 */
	CompletableFuture<Offered> offer(String owner, List<Registration> stopped) {
		List<Registration> registrations = stopped.stream()
			.filter((registration) -> this.destinations.sent(registration.key(), owner))
			.toList();
		if (registrations.isEmpty()) {
			return CompletableFuture.completedFuture(new Offered(List.of(), List.of()));
		}
		Wire.Writer request = new Wire.Writer().writeInt(registrations.size());
		registrations.forEach(request::writeRegistration);
		long sent = System.nanoTime();
		CompletableFuture<Offered> offered = this.node.transport()
			.request(owner, RequestOperation.HANDOFF, request.toBytes(), this.node.requestTimeout())
			.handle((reply, error) -> confirmed(owner, registrations, reply, error, System.nanoTime() - sent))
			.thenCompose(Function.identity());
		track(offered);
		return offered;
	}

	private CompletableFuture<Offered> confirmed(String owner, List<Registration> registrations, Reply reply,
			Throwable error, long nanos) {
		if (error == null && reply.outcome() == Reply.Outcome.OK) {
			logger.debug("Node {} confirmed the handoff of {} processes after {} ms",
					this.node.membership().nodeName(owner), registrations.size(), TimeUnit.NANOSECONDS.toMillis(nanos));
			List<ProcessKey> refused = new Wire.Reader(reply.data()).readKeys();
			refused.forEach(this.destinations::remove);
			List<ProcessKey> taken = registrations.stream().map(Registration::key)
				.filter((key) -> !refused.contains(key)).toList();
			taken.forEach((key) -> this.node.runtime().metrics().handedOff(key.kind(), nanos));
			if (drained()) {
				this.handedOff.addAndGet(taken.size());
			}
			if (!refused.isEmpty()) {
				logger.warn("Member {} could not start {} of the processes handed to it; they stay with this node",
						this.node.membership().nodeName(owner), refused.size());
			}
			return CompletableFuture.completedFuture(new Offered(taken, refused));
		}
		logger.warn("Member {} did not accept the handoff of {} processes; they stay with this node",
				this.node.membership().nodeName(owner), registrations.size());
		RegistrationClaim back = RegistrationClaim.fromAnyOf(Set.of(owner), this.node.localMember(),
				this.node.nodeName());
		List<CompletableFuture<?>> claims = new ArrayList<>();
		idsByKind(registrations).forEach((kind, ids) -> {
			ids.forEach((id) -> this.destinations.remove(new ProcessKey(kind, id)));
			claims.add(this.registry.claimAsync(kind, ids, back).toCompletableFuture());
		});
		List<ProcessKey> all = registrations.stream().map(Registration::key).toList();
		return CompletableFuture.allOf(claims.toArray(CompletableFuture[]::new))
			.handle((done, claimError) -> new Offered(List.of(), all));
	}

	/**
	 * What became of the processes a handoff offered.
	 *
	 * @param taken those the owner started and registered
	 * @param left those left registered here: refused by the owner, or claimed back from it when it
	 * did not confirm (once the claim ran); a draining node's survivors restart them once it left, a
	 * running node starts them again itself
	 */
	record Offered(List<ProcessKey> taken, List<ProcessKey> left) {
	}

	private static Map<ProcessKind, Set<String>> idsByKind(List<Registration> registrations) {
		Map<ProcessKind, Set<String>> byKind = new EnumMap<>(ProcessKind.class);
		for (Registration registration : registrations) {
			byKind.computeIfAbsent(registration.key().kind(), (kind) -> new HashSet<>()).add(registration.key().id());
		}
		return byKind;
	}

	/** Accepts the handoff of processes a draining member stopped: see {@link HandoffAcceptance#accept}. */
	List<ProcessKey> accept(String sender, Wire.Reader in) {
		return this.acceptance.accept(sender, in);
	}

	/**
	 * Waits for the handoffs of processes this node stopped while draining, then while callers
	 * still need redirecting (see {@link #REDIRECT_QUIET}).
	 */
	void await() {
		long deadline = System.nanoTime() + this.node.requestTimeout().toNanos();
		logger.debug("Waiting for {} handoffs, {} ms after the drain began", this.unconfirmed.size(),
				Timing.millisSince(this.drainingSince));
		try {
			// Both supervisors wait here, one after the other: the log tells when the last handoff was confirmed.
			boolean waited = !this.unconfirmed.isEmpty() || this.confirmedAfter == 0;
			// A round that ends with processes queued starts the next one: wait until none is left.
			while (!this.unconfirmed.isEmpty()) {
				CompletableFuture.allOf(this.unconfirmed.toArray(CompletableFuture[]::new))
					.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			if (waited) {
				this.confirmedAfter = Timing.millisSince(this.drainingSince);
			}
			long lingerEnd = System.nanoTime() + REDIRECT_LINGER.toNanos();
			while (System.nanoTime() - this.destinations.lastRedirect() < REDIRECT_QUIET.toNanos() && System.nanoTime() - lingerEnd < 0) {
				Thread.sleep(10);
			}
			this.redirectedUntil = Timing.millisSince(this.drainingSince);
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("Not every process was handed off within {}; survivors restart the rest once this node left",
					this.node.requestTimeout());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Forgets where processes went: this node left. */
	void clear() {
		this.destinations.clear();
	}

	/** Whether this node drained before it left. */
	boolean drained() {
		return this.drainingSince != 0;
	}

	/** Logs how the drain went, once this node left. */
	void logLeft() {
		logger.info("sagents node {} left the horde {} ms after it began to drain; it handed {} processes off "
				+ "(all confirmed after {} ms, callers redirected until {} ms)", this.node.nodeName(),
				Timing.millisSince(this.drainingSince), this.handedOff.get(), this.confirmedAfter,
				this.redirectedUntil);
	}

}
