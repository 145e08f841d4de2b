package dev.sagents.horde;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.internal.json.Json;
import com.hazelcast.internal.json.JsonObject;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.partition.NoDataMemberInClusterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.cluster.Member;
import dev.sagents.cluster.MemberStatus;
import dev.sagents.registry.RegistryState;
import dev.sagents.registry.RegistryUnavailableException;

/**
 * Who the sagents members are and which may host processes, like the original's membership
 * manager. The member set is Hazelcast's own member list, so members that crash or leave are pruned
 * the moment the failure detector speaks, and all three instances (registry, agents supervisor,
 * file-system supervisor) share this one set: they cannot disagree. Each member's status lives in
 * the {@code sagents.members} map, written by the member itself: {@code alive} once its supervisor
 * runs, {@code shutting_down} while it drains, {@code uninitialized} while it runs without hosting
 * (a proxy node); a member with no entry is {@code uninitialized} too (in {@code members=auto}, an
 * application node that does not run sagents at all).
 *
 * <p>Only proxy nodes may be lite members, which hold no data: while no other member is in the
 * cluster, the statuses cannot be read or written, and a proxy announces itself once a data member
 * joined (the periodic sweep's {@link #reannounceIfLost}).
 */
final class HordeMembership implements MembershipListener {

	private static final Logger logger = LoggerFactory.getLogger(HordeMembership.class);

	/** Why a proxy node cannot answer while it is alone with other proxies. */
	static final String NO_DATA_MEMBER = "no member of the sagents cluster holds its registry: no node that runs "
			+ "the sagents supervisor has joined, and this node hosts nothing (sagents.supervisor.enabled=false)";

	private final HazelcastInstance hazelcast;

	private final String localNode;

	private final IMap<String, HazelcastJsonValue> statuses;

	private final Map<String, MemberRecord> records = new ConcurrentHashMap<>();

	private final Consumer<Departure> memberLeft;

	private final Consumer<String> memberAlive;

	private UUID membershipRegistration;

	private UUID entryRegistration;

	/**
	 * @param memberLeft told of each member that left; on a Hazelcast event thread: hand slow work on
	 * @param memberAlive told of each other member that announced {@code alive} (it joined, or its
	 * supervisor runs now), once placement counts it; on a Hazelcast event thread: hand slow work on
	 */
	HordeMembership(HazelcastInstance hazelcast, String localNode, Consumer<Departure> memberLeft,
			Consumer<String> memberAlive) {
		this.hazelcast = hazelcast;
		this.localNode = localNode;
		this.statuses = hazelcast.getMap(HordeStructures.MEMBERS_MAP);
		this.memberLeft = memberLeft;
		this.memberAlive = memberAlive;
	}

	void start() {
		this.entryRegistration = this.statuses.addEntryListener(new StatusListener(), true);
		this.membershipRegistration = this.hazelcast.getCluster().addMembershipListener(this);
		reload();
		warnIfNameShared(this.hazelcast.getCluster().getLocalMember());
	}

	/**
	 * Reads every member's status afresh and forgets those that left; after a split healed, the
	 * merged map holds what neither side's events told.
	 */
	void reload() {
		this.records.clear();
		if (holdsData()) {
			this.statuses.forEach((member, status) -> this.records.put(member, MemberRecord.fromJson(status)));
		}
		pruneDeparted();
	}

	/**
	 * Stops following the cluster. This member's status stays {@code shutting_down}: the survivors
	 * read it to tell a graceful departure from a crash, then remove it.
	 */
	void stop() {
		if (this.membershipRegistration != null) {
			this.hazelcast.getCluster().removeMembershipListener(this.membershipRegistration);
		}
		if (this.entryRegistration != null) {
			this.statuses.removeEntryListener(this.entryRegistration);
		}
	}

	/** Publishes this member's status; {@code set} returns once the map holds it. */
	void announce(MemberStatus status) {
		MemberRecord record = new MemberRecord(this.localNode, status);
		String self = localMember();
		keep(self, record);
		if (holdsData()) {
			this.statuses.set(self, record.toJson());
		}
	}

	/**
	 * Publishes this member's status again if the map lost it: a node that merged back after a
	 * split brain may remove, only now, the statuses of the members it saw leave.
	 */
	void reannounceIfLost(MemberStatus status) {
		String self = localMember();
		if (holdsData() && !this.statuses.containsKey(self)) {
			logger.warn("The status of this member {} was removed from the cluster (by a node that saw it leave during a "
					+ "split brain that has healed); announcing it again", self);
			announce(status);
		}
	}

	/**
	 * This member's UUID. Read each time: Hazelcast gives a member a new one when it merges back
	 * into the cluster after a split.
	 */
	String localMember() {
		return this.hazelcast.getCluster().getLocalMember().getUuid().toString();
	}

	/**
	 * Whether a member of the cluster holds data (is not a lite member): otherwise every read and
	 * write of a sagents structure fails. Only a proxy node is a lite member, so only a cluster of
	 * proxies holds none.
	 */
	boolean holdsData() {
		return this.hazelcast.getCluster().getMembers().stream().anyMatch((member) -> !member.isLiteMember());
	}

	/**
	 * Throws {@link RegistryUnavailableException} unless a member holds the registry; then calls
	 * {@code access}, and throws the same if the last such member left meanwhile.
	 */
	<T> T withData(Supplier<T> access) {
		ensureDataHeld();
		try {
			return access.get();
		}
		catch (NoDataMemberInClusterException ex) {
			// The last member holding data left after the check.
			throw new RegistryUnavailableException(RegistryState.RUNNING, NO_DATA_MEMBER);
		}
	}

	/**
	 * {@code error}, or the {@link RegistryUnavailableException} that explains it when it is
	 * Hazelcast's refusal of a cluster where no member holds data.
	 */
	static Throwable explained(Throwable error) {
		Throwable cause = (error instanceof CompletionException) ? error.getCause() : error;
		return (cause instanceof NoDataMemberInClusterException)
				? new RegistryUnavailableException(RegistryState.RUNNING, NO_DATA_MEMBER) : error;
	}

	/** Throws {@link RegistryUnavailableException} unless a member holds the registry. */
	void ensureDataHeld() {
		if (!holdsData()) {
			throw new RegistryUnavailableException(RegistryState.RUNNING, NO_DATA_MEMBER);
		}
	}

	/** The UUIDs of the cluster's members now, this one included. */
	Set<String> memberIds() {
		return this.hazelcast.getCluster()
			.getMembers()
			.stream()
			.map((member) -> member.getUuid().toString())
			.collect(Collectors.toSet());
	}

	/** The UUIDs of the members that may host processes: in the cluster and {@code alive}. */
	List<String> hostIds() {
		List<String> hosts = new ArrayList<>();
		for (com.hazelcast.cluster.Member member : this.hazelcast.getCluster().getMembers()) {
			String id = member.getUuid().toString();
			MemberRecord record = this.records.get(id);
			if (record != null && record.status() == MemberStatus.ALIVE) {
				hosts.add(id);
			}
		}
		return hosts;
	}

	/** Every member of the cluster with its status, sorted by node name. */
	List<Member> members() {
		List<Member> members = new ArrayList<>();
		for (com.hazelcast.cluster.Member member : this.hazelcast.getCluster().getMembers()) {
			MemberRecord record = this.records.get(member.getUuid().toString());
			members.add(new Member(nodeName(member), (record != null) ? record.status() : MemberStatus.UNINITIALIZED));
		}
		members.sort(Comparator.comparing(Member::node));
		return members;
	}

	/** Whether member {@code id} is in the cluster now; cheaper than {@link #memberIds()} for one id. */
	boolean isMember(String id) {
		return find(id) != null;
	}

	/** Whether member {@code id} is in the cluster and announced that it runs its supervisor. */
	boolean isAlive(String id) {
		MemberRecord record = this.records.get(id);
		return record != null && record.status() == MemberStatus.ALIVE && isMember(id);
	}

	/** Whether member {@code id} is in the cluster and announced that it drains. */
	boolean isShuttingDown(String id) {
		MemberRecord record = this.records.get(id);
		return record != null && record.status() == MemberStatus.SHUTTING_DOWN && isMember(id);
	}

	/** The node name of member {@code id}; see {@link #nodeName(com.hazelcast.cluster.Member)}. */
	String nodeName(String id) {
		com.hazelcast.cluster.Member member = find(id);
		if (member != null) {
			return nodeName(member);
		}
		MemberRecord record = this.records.get(id);
		return (record != null) ? record.node() : id;
	}

	private com.hazelcast.cluster.Member find(String id) {
		for (com.hazelcast.cluster.Member member : this.hazelcast.getCluster().getMembers()) {
			if (member.getUuid().toString().equals(id)) {
				return member;
			}
		}
		return null;
	}

	/**
	 * The node name {@code member} carries as its {@value HordeStructures#NODE_NAME_ATTRIBUTE}
	 * attribute, else the one it announced with its status, else its address (a member of the
	 * application's own cluster that neither carries the attribute nor runs the supervisor).
	 */
	private String nodeName(com.hazelcast.cluster.Member member) {
		String named = member.getAttribute(HordeStructures.NODE_NAME_ATTRIBUTE);
		if (named != null) {
			return named;
		}
		MemberRecord record = this.records.get(member.getUuid().toString());
		return (record != null) ? record.node() : member.getAddress().toString();
	}

	@Override
	public void memberAdded(MembershipEvent event) {
		warnIfNameShared(event.getMember());
	}

	/**
	 * Keeps member {@code id}'s announced record. A member that carries no node-name attribute (an
	 * application's own member, which sagents did not configure) is known by its name only from
	 * now: warn then if another member has it.
	 */
	private void keep(String id, MemberRecord record) {
		MemberRecord previous = this.records.put(id, record);
		if (previous == null || !previous.node().equals(record.node())) {
			com.hazelcast.cluster.Member member = find(id);
			if (member != null && member.getAttribute(HordeStructures.NODE_NAME_ATTRIBUTE) == null) {
				warnIfNameShared(member);
			}
		}
	}

	/** Warns when another member of the cluster has {@code member}'s node name. */
	private void warnIfNameShared(com.hazelcast.cluster.Member member) {
		String name = nodeName(member);
		long named = this.hazelcast.getCluster().getMembers().stream().filter((other) -> nodeName(other).equals(name)).count();
		if (named > 1) {
			logger.warn("{} members of the cluster have the node name '{}' (the latest: {}): each node needs a "
					+ "sagents.node-name of its own, or the endpoint, the logs and the failure log cannot tell them apart "
					+ "(/actuator/sagents lists it under duplicateNodeNames)", named, name, member.getAddress());
		}
	}

	@Override
	public void memberRemoved(MembershipEvent event) {
		String departed = event.getMember().getUuid().toString();
		MemberRecord last = this.records.remove(departed);
		if (isOldestMember() && holdsData()) {
			// One member cleans the departed member's status for everyone; the others' caches follow.
			this.statuses.removeAsync(departed);
		}
		this.memberLeft.accept(new Departure(departed, (last != null) ? last.node() : nodeName(event.getMember()),
				last != null && last.status() == MemberStatus.SHUTTING_DOWN));
	}

	/** Removes the statuses of members that left while nobody was there to clean them. */
	void pruneDeparted() {
		Set<String> present = memberIds();
		for (String member : Set.copyOf(this.records.keySet())) {
			if (!present.contains(member)) {
				this.records.remove(member);
				if (isOldestMember() && holdsData()) {
					this.statuses.removeAsync(member);
				}
			}
		}
	}

	/** Whether this member is the oldest: the one that cleans up after departed members. */
	boolean isOldestMember() {
		return this.hazelcast.getCluster().getMembers().iterator().next().localMember();
	}

	/**
	 * Keeps the local copy of every member's status in step with the map. Removals are not
	 * followed: the oldest member removes a departed member's status as soon as it sees it leave,
	 * which may reach this member before its own departure event, and that event needs the status
	 * to tell a graceful departure from a crash; records of departed members go with the
	 * departure event (or {@link #pruneDeparted()}).
	 */
	private final class StatusListener implements EntryAddedListener<String, HazelcastJsonValue>,
			EntryUpdatedListener<String, HazelcastJsonValue> {

		@Override
		public void entryAdded(EntryEvent<String, HazelcastJsonValue> event) {
			String member = event.getKey();
			boolean wasAlive = isAlive(member);
			keep(member, MemberRecord.fromJson(event.getValue()));
			if (!wasAlive && isAlive(member) && !member.equals(localMember())) {
				HordeMembership.this.memberAlive.accept(member);
			}
		}

		@Override
		public void entryUpdated(EntryEvent<String, HazelcastJsonValue> event) {
			entryAdded(event);
		}

	}

	/**
	 * A member that left the cluster.
	 *
	 * @param member its UUID
	 * @param node its node name
	 * @param graceful whether it had announced {@code shutting_down} (it handed its processes off)
	 */
	record Departure(String member, String node, boolean graceful) {
	}

	/** A member's announced name and status. */
	record MemberRecord(String node, MemberStatus status) {

		HazelcastJsonValue toJson() {
			return new HazelcastJsonValue(Json.object().add("node", this.node).add("status", this.status.name()).toString());
		}

		static MemberRecord fromJson(HazelcastJsonValue value) {
			JsonObject json = Json.parse(value.getValue()).asObject();
			return new MemberRecord(json.getString("node", ""), MemberStatus.valueOf(json.getString("status", "")));
		}

	}

}
