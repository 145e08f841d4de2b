package dev.sagents.horde;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionService;
import com.hazelcast.query.Predicates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;

/**
 * The cluster registry: one Hazelcast map per kind of process ({@link HordeStructures#AGENTS_MAP},
 * {@link HordeStructures#FILESYSTEMS_MAP}), keyed by id, each value a {@link Registration} as JSON.
 * The map is the registry, with no copy to keep in step: a write on the owner of the key's
 * partition decides, and a read anywhere right after sees it. Moves of many registrations at once
 * are claims ({@link RegistrationClaim}), one operation per partition.
 */
final class ClusterRegistry {

	private static final Logger logger = LoggerFactory.getLogger(ClusterRegistry.class);

	/**
	 * Into how many groups {@link #claimOrphansIn} splits the partitions it claims on, and how many
	 * threads run them (the claims executor): each group waits for its slowest partition, and holds
	 * one of those threads meanwhile, never a blocking one.
	 */
	static final int CLAIM_GROUPS = 8;

	private final HazelcastInstance hazelcast;

	private final Supplier<String> self;

	private final Executor blocking;

	private final Executor claims;

	private final Map<ProcessKind, IMap<String, HazelcastJsonValue>> registrations = new EnumMap<>(ProcessKind.class);

	/** A key of each partition, by partition id, found when first needed. */
	private volatile Object[] partitionKeys;

	/**
	 * @param self this member's UUID, read each time (it changes when the member merges back)
	 * @param blocking runs what follows a claim, which may wait on Hazelcast
	 * @param claims runs the groups of {@link #claimOrphansIn}, {@value #CLAIM_GROUPS} at a time, so
	 * that groups waiting on moving partitions hold none of the blocking threads
	 */
	ClusterRegistry(HazelcastInstance hazelcast, Supplier<String> self, Executor blocking, Executor claims) {
		this.hazelcast = hazelcast;
		this.self = self;
		this.blocking = blocking;
		this.claims = claims;
		this.registrations.put(ProcessKind.AGENT, hazelcast.getMap(HordeStructures.AGENTS_MAP));
		this.registrations.put(ProcessKind.FILESYSTEM, hazelcast.getMap(HordeStructures.FILESYSTEMS_MAP));
	}

	/** Where {@code key} is registered now, if it is. */
	Optional<Registration> registration(ProcessKey key) {
		HazelcastJsonValue json = registry(key.kind()).get(key.id());
		return Optional.ofNullable(json).map((found) -> Registration.fromJson(key, found));
	}

	/** The stored registration of {@code key}, or {@code null}, read without holding a thread. */
	CompletableFuture<HazelcastJsonValue> registrationAsync(ProcessKey key) {
		return registry(key.kind()).getAsync(key.id()).toCompletableFuture();
	}

	/** Stores {@code registration} unless {@code key} is registered; returns the one stored before, or {@code null}. */
	HazelcastJsonValue registerIfAbsent(ProcessKey key, HazelcastJsonValue registration) {
		return registry(key.kind()).putIfAbsent(key.id(), registration);
	}

	/** Replaces the registration of {@code key} with {@code registration} if it is still {@code current}. */
	boolean replace(ProcessKey key, HazelcastJsonValue current, HazelcastJsonValue registration) {
		return registry(key.kind()).replace(key.id(), current, registration);
	}

	/** Removes the registration of {@code key} if it is still {@code registration}. */
	void remove(ProcessKey key, HazelcastJsonValue registration) {
		registry(key.kind()).remove(key.id(), registration);
	}

	/** Removes the registration of {@code key} if it names this member. */
	void removeIfHostedHere(ProcessKey key) {
		IMap<String, HazelcastJsonValue> map = registry(key.kind());
		HazelcastJsonValue json = map.get(key.id());
		if (json != null && Registration.fromJson(key, json).host().equals(this.self.get())) {
			map.remove(key.id(), json);
		}
	}

	/** Stores {@code registrations} (id to registration) with plain writes. */
	void registerAll(ProcessKind kind, Map<String, HazelcastJsonValue> registrations) {
		registry(kind).putAll(registrations);
	}

	/** The stored registrations of those of {@code ids} that are registered. */
	Map<String, HazelcastJsonValue> registered(ProcessKind kind, Set<String> ids) {
		return registry(kind).getAll(ids);
	}

	int count(ProcessKind kind) {
		return registry(kind).size();
	}

	/** How many registrations of {@code kind} this member holds the primary copy of: read here, no member asked. */
	long ownedCount(ProcessKind kind) {
		return registry(kind).getLocalMapStats().getOwnedEntryCount();
	}

	List<ProcessKey> keys(ProcessKind kind) {
		return registry(kind).keySet().stream().map((id) -> new ProcessKey(kind, id)).toList();
	}

	/**
	 * How many processes of {@code kind} each member hosts, by member id, counted in one pass over
	 * the registry ({@link HostCounts}); a member that hosts none is absent.
	 */
	Map<String, Long> countHostedByMember(ProcessKind kind) {
		return registry(kind).aggregate(new HostCounts());
	}

	/** The ids of {@code kind} registered on none of {@code present}, in the whole registry. */
	Set<String> orphans(ProcessKind kind, Set<String> present) {
		return registry(kind).keySet(new HostedByNoneOf(present));
	}

	/** Runs {@code claim} on {@code ids} and waits for it. */
	void claim(ProcessKind kind, Set<String> ids, RegistrationClaim claim) {
		registry(kind).executeOnKeys(ids, claim);
	}

	/** Runs {@code claim} on {@code ids}, without waiting for it: completes once it ran. */
	CompletionStage<?> claimAsync(ProcessKind kind, Set<String> ids, RegistrationClaim claim) {
		return registry(kind).submitToKeys(ids, claim);
	}

	/**
	 * Runs {@code claim} on {@code ids}, one operation per partition, and {@code then} on what each
	 * claimed, as soon as that partition answered: after a member joined or left, partitions move
	 * for a second or more and a write on a moving one waits, so only the processes registered on
	 * those wait with it. A partition's claim that fails is logged; its processes stay where the
	 * registry says (the survivors or the sweep take them from there).
	 */
	<T> List<CompletableFuture<T>> claimByPartition(ProcessKind kind, Set<String> ids, RegistrationClaim claim,
			Function<Map<String, HazelcastJsonValue>, T> then) {
		Map<Integer, Set<String>> byPartition = new HashMap<>();
		PartitionService partitions = this.hazelcast.getPartitionService();
		for (String id : ids) {
			byPartition.computeIfAbsent(partitions.getPartition(id).getPartitionId(), (partition) -> new HashSet<>()).add(id);
		}
		return byPartition.values()
			.stream()
			.map((group) -> registry(kind).submitToKeys(group, claim)
				.toCompletableFuture()
				.thenApplyAsync(then, this.blocking)
				.exceptionally((error) -> {
					logger.warn("Moving {} {} registrations failed", group.size(), kind.name().toLowerCase(Locale.ROOT),
							error);
					return null;
				}))
			.toList();
	}

	/**
	 * Runs {@code claim} on every registration of {@code kind} in {@code partitions} hosted by none
	 * of {@code present} (one operation per partition finds and claims them, on the partition's
	 * owner), and {@code then} on what it claimed. No query looks for them first: a query that sees
	 * partitions move while it runs, as they do for a second or more after a member left, is made
	 * again by Hazelcast one partition at a time, which took hundreds of milliseconds. The
	 * partitions go in up to {@value #CLAIM_GROUPS} groups, each run on the claims executor, so that
	 * a partition still moving holds up the orphans of its group only; {@code then} runs on a blocking
	 * thread. A group's claim that fails is logged, and {@code then} gets nothing from it; its
	 * processes stay where the registry says (the survivors or the sweep take them from there). A
	 * failure of {@code then} is logged apart: what it was given is claimed here all the same.
	 */
	<T> List<CompletableFuture<T>> claimOrphansIn(ProcessKind kind, Collection<Integer> partitions,
			Collection<String> present, RegistrationClaim claim, Function<Map<String, HazelcastJsonValue>, T> then) {
		List<Integer> ids = List.copyOf(partitions);
		int size = Math.max(1, (ids.size() + CLAIM_GROUPS - 1) / CLAIM_GROUPS);
		List<CompletableFuture<T>> claims = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += size) {
			Set<Object> keys = new HashSet<>();
			for (Integer partition : ids.subList(from, Math.min(ids.size(), from + size))) {
				keys.add(partitionKey(partition));
			}
			claims.add(CompletableFuture
				.supplyAsync(() -> claimed(registry(kind).executeOnEntries(claim,
						Predicates.multiPartitionPredicate(keys, new HostedByNoneOf(present)))), this.claims)
				.handle((moved, error) -> {
					if (error != null) {
						logger.warn("Moving the {} registrations of {} partitions failed",
								kind.name().toLowerCase(Locale.ROOT), keys.size(), error);
						return Map.<String, HazelcastJsonValue>of();
					}
					return moved;
				})
				.thenApplyAsync(then, this.blocking)
				.exceptionally((error) -> {
					logger.warn("Restarting the {} registrations claimed here on {} partitions failed; the registry "
							+ "names this member, which the sweep and the callers follow",
							kind.name().toLowerCase(Locale.ROOT), keys.size(), error);
					return null;
				}));
		}
		return claims;
	}

	/** What a claim moved, by id: it answers {@code null} for what it did not move. */
	private static Map<String, HazelcastJsonValue> claimed(Map<String, HazelcastJsonValue> results) {
		Map<String, HazelcastJsonValue> moved = new HashMap<>();
		results.forEach((id, registration) -> {
			if (registration != null) {
				moved.put(id, registration);
			}
		});
		return moved;
	}

	/** A key that Hazelcast stores in {@code partition}, for a query of that partition. */
	private Object partitionKey(int partition) {
		Object[] keys = this.partitionKeys;
		if (keys == null) {
			PartitionService partitions = this.hazelcast.getPartitionService();
			keys = new Object[partitions.getPartitions().size()];
			int found = 0;
			for (int candidate = 0; found < keys.length; candidate++) {
				String key = Integer.toString(candidate);
				int id = partitions.getPartition(key).getPartitionId();
				if (keys[id] == null) {
					keys[id] = key;
					found++;
				}
			}
			this.partitionKeys = keys;
		}
		return keys[partition];
	}

	private IMap<String, HazelcastJsonValue> registry(ProcessKind kind) {
		return this.registrations.get(kind);
	}

}
