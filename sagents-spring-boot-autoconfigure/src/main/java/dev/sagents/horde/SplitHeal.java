package dev.sagents.horde;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.hazelcast.core.HazelcastJsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.supervisor.ExitReason;

/**
 * After a network split heals: each half went on alone and restarted the other half's processes,
 * so an id may run twice; Hazelcast merged the registries and kept one registration per id. A
 * member that merged back gets a new UUID: it listens and claims its processes under it, then
 * every process it runs that the registry says runs elsewhere stops, without persisting (the
 * survivor's state is the truth), and one running with no registration is registered again.
 */
final class SplitHeal {

	private static final Logger logger = LoggerFactory.getLogger(SplitHeal.class);

	private final NodeContext node;

	private final ClusterRegistry registry;

	private final HostedProcesses hosted;

	private final Recovery recovery;

	private final HordeEvents events;

	SplitHeal(NodeContext node, ClusterRegistry registry, HostedProcesses hosted, Recovery recovery,
			HordeEvents events) {
		this.node = node;
		this.registry = registry;
		this.hosted = hosted;
		this.recovery = recovery;
		this.events = events;
	}

	/**
	 * After a split healed, Hazelcast gave this member a new UUID: listen under it, announce it,
	 * claim the processes still registered under the old one (one claim operation for all of them:
	 * a member may host thousands, and each one-by-one read and write would keep its duplicates
	 * running for seconds more), then stop those the merged registry kept elsewhere. Only a
	 * merging member needs this: the side it joined kept its own entries.
	 */
	void rejoin() {
		String previous = this.node.transport().relisten();
		String self = this.node.localMember();
		logger.info("sagents node {} merged back into the horde as member {} (was {})", this.node.nodeName(), self,
				previous);
		this.node.membership().reload();
		this.node.membership().announce(this.node.state().memberStatus());
		RegistrationClaim claim = RegistrationClaim.fromAnyOf(Set.of(previous), self, this.node.nodeName());
		for (ProcessKind kind : ProcessKind.values()) {
			Set<String> ids = this.hosted.keys(kind).stream().map(ProcessKey::id).collect(Collectors.toSet());
			if (!ids.isEmpty()) {
				this.registry.claim(kind, ids, claim);
			}
		}
		reconcile();
		this.events.rejoined(previous);
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
		this.recovery.recoverOrphans();
	}

	/**
	 * Stops the processes this node runs that the registry says run elsewhere: after a network
	 * split heals, Hazelcast merges the two registries and keeps one entry per key, but the losing
	 * side's process is still running. It stops without persisting (the survivor's state is the
	 * truth), so exactly one survives. A process running here with no entry at all is registered
	 * again.
	 */
	private void stopDuplicates() {
		String self = this.node.localMember();
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
				this.hosted.registrationOf(process, this.node.localMember(), this.node.nodeName()).toJson()));
	}

}
