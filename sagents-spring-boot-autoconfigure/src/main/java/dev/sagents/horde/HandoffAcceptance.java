package dev.sagents.horde;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import com.hazelcast.core.HazelcastJsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;

/**
 * The receiving side of a {@link Handoff}: a draining member's processes start here as a batch
 * ({@link BatchStarts}: their epochs claimed together), then are registered here. A
 * node's own drain waits for the handoffs it is accepting ({@link #awaitUnderWay}).
 */
final class HandoffAcceptance {

	private static final Logger logger = LoggerFactory.getLogger(HandoffAcceptance.class);

	private final NodeContext node;

	private final ClusterRegistry registry;

	private final HostedProcesses hosted;

	private final BatchStarts starts;

	/** Handoffs from draining members that this node is accepting. */
	private final Set<CompletableFuture<?>> underWay = ConcurrentHashMap.newKeySet();

	/** Told of the agents a handoff brought here once they are registered here (by id). */
	private final Consumer<Collection<String>> agentsRegistered;

	/**
	 * @param agentsRegistered told of the agents a handoff brought here once they are registered
	 * here (by id): a subscription made before asked the member they left
	 */
	HandoffAcceptance(NodeContext node, ClusterRegistry registry, HostedProcesses hosted, BatchStarts starts,
			Consumer<Collection<String>> agentsRegistered) {
		this.node = node;
		this.registry = registry;
		this.hosted = hosted;
		this.starts = starts;
		this.agentsRegistered = agentsRegistered;
	}

	/**
	 * Tells, on another thread, that the handoff's {@code agentIds} are registered here: the handoff
	 * succeeded whatever that step meets (the subscriptions map read while partitions move), and its
	 * reply does not wait for it.
	 */
	private void tellRegistered(List<String> agentIds) {
		try {
			this.node.blocking().execute(() -> {
				try {
					this.agentsRegistered.accept(agentIds);
				}
				catch (RuntimeException ex) {
					logger.warn("Could not read who subscribes to {} agents handed off here", agentIds.size(), ex);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			logger.debug("This node stops: the subscriptions of agents handed off here are not read again");
		}
	}

	/** Waits until the handoffs being accepted now are done, whether or not they succeed. */
	void awaitUnderWay() {
		CompletableFuture.allOf(this.underWay.toArray(CompletableFuture[]::new)).exceptionally((error) -> null).join();
	}

	/**
	 * Accepts the handoff of processes a draining member stopped: starts them here at once, then
	 * registers them here (one {@code putAll}, a fraction of what a compare-and-set per entry costs,
	 * which matters with thousands of them). Plain writes are safe here: while a member drains, it
	 * is the only one that writes its processes' registrations, and it hands a process off only if
	 * nobody stopped it for good meanwhile. One that ended here before its registration was
	 * written is unregistered. Returns the processes not accepted (they failed to start), which
	 * stay registered on the draining member.
	 */
	List<ProcessKey> accept(String sender, Wire.Reader in) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		this.underWay.add(done);
		try {
			this.node.state().ensureAvailable();
			String self = this.node.localMember();
			int count = in.readInt();
			List<Registration> offered = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				offered.add(in.readRegistration().relocatedTo(self, this.node.nodeName()));
			}
			List<ProcessKey> refused = new ArrayList<>();
			long since = System.nanoTime();
			List<Registration> started = this.starts.start(offered, (registration) -> {
				try {
					this.hosted.startHere(registration);
					return true;
				}
				catch (RuntimeException ex) {
					logger.warn("Could not accept {} handed off by member {}", registration.key(),
							this.node.membership().nodeName(sender), ex);
					refused.add(registration.key());
					return false;
				}
			});
			Map<ProcessKind, Map<String, HazelcastJsonValue>> byKind = new EnumMap<>(ProcessKind.class);
			for (Registration registration : started) {
				byKind.computeIfAbsent(registration.key().kind(), (kind) -> new HashMap<>())
					.put(registration.key().id(), registration.toJson());
			}
			long startedAfter = Timing.millisSince(since);
			byKind.forEach(this.registry::registerAll);
			logger.debug("Accepted {} of {} processes from node {}: started in {} ms, registered in {} ms more",
					started.size(), count, this.node.membership().nodeName(sender), startedAfter,
					Timing.millisSince(since) - startedAfter);
			for (Registration registration : started) {
				if (this.hosted.runningHere(registration.key()).isEmpty()) {
					this.registry.removeIfHostedHere(registration.key());
				}
			}
			Map<String, HazelcastJsonValue> agents = byKind.get(ProcessKind.AGENT);
			if (agents != null) {
				tellRegistered(List.copyOf(agents.keySet()));
			}
			return refused;
		}
		finally {
			this.underWay.remove(done);
			done.complete(null);
		}
	}

}
