package dev.sagents.horde;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

/**
 * Moves registrations to a new host where their current host is, or is not, one of the given
 * members. It runs on each entry's partition owner, so the check and the move are one atomic step,
 * and many entries are claimed with one operation per partition ({@code submitToKeys}) instead of
 * a read and a compare-and-set per entry: a failover's thousands of restarts need only a few
 * hundred operations, which matters while the partitions move. The result for an entry is its new
 * registration, or {@code null} when it was not claimed (gone, or hosted elsewhere meanwhile).
 *
 * <p>Serialized as a {@link HordeSerializable} through {@link HordeSerializerHook}: no
 * class name travels, and the only class created on the receiving member is this one.
 */
final class RegistrationClaim implements EntryProcessor<String, HazelcastJsonValue, HazelcastJsonValue>,
		HordeSerializable, HazelcastInstanceAware {

	static final int CLASS_ID = 1;

	/** Claim entries whose host is one of {@link #hosts} (else: none of them). */
	private boolean hostedByAnyOf;

	private Set<String> hosts;

	private String newHost;

	private String newNode;

	/** The member running the claim on the entry's partition owner; {@code null} on a backup. */
	private transient HazelcastInstance instance;

	/** For deserialization. */
	RegistrationClaim() {
	}

	private RegistrationClaim(boolean hostedByAnyOf, Collection<String> hosts, String newHost, String newNode) {
		this.hostedByAnyOf = hostedByAnyOf;
		this.hosts = Set.copyOf(hosts);
		this.newHost = newHost;
		this.newNode = newNode;
	}

	/** Claims the entries hosted by one of {@code previousHosts} (a handoff). */
	static RegistrationClaim fromAnyOf(Collection<String> previousHosts, String newHost, String newNode) {
		return new RegistrationClaim(true, previousHosts, newHost, newNode);
	}

	/** Claims the entries hosted by none of {@code members}: orphans of members that left. */
	static RegistrationClaim fromNoneOf(Collection<String> members, String newHost, String newNode) {
		return new RegistrationClaim(false, members, newHost, newNode);
	}

	@Override
	public void setHazelcastInstance(HazelcastInstance instance) {
		this.instance = instance;
	}

	@Override
	public HazelcastJsonValue process(Map.Entry<String, HazelcastJsonValue> entry) {
		HazelcastJsonValue current = entry.getValue();
		if (current == null) {
			return null;
		}
		Set<String> members = members();
		if (members != null && !members.contains(this.newHost)) {
			return null;
		}
		HazelcastJsonValue moved = Registration.moveIf(current, (host) -> this.hosts.contains(host) == this.hostedByAnyOf
				&& (this.hostedByAnyOf || members == null || !members.contains(host)), this.newHost, this.newNode);
		if (moved != null) {
			entry.setValue(moved);
		}
		return moved;
	}

	/**
	 * The members of the cluster as the partition owner sees them now, read for each entry, or
	 * {@code null} on a backup, which has no instance. The member claiming must be one of them: a
	 * claim made before a network split healed can still run after it (Hazelcast retries it once the
	 * member joined again, under a new UUID), and with the member set of the smaller side it would
	 * take the processes of the larger one for a member that no longer exists. An orphan claim (none
	 * of {@link #hosts}) also leaves alone an entry whose host is one of them: its hosts were read
	 * when the claim was made, and a member that joined since may have claimed the entry meanwhile,
	 * which moving it again would run twice. They are read for each entry, not once per claim: on
	 * the member that made the claim, Hazelcast runs that very object, for later groups and retries
	 * too. A backup checks the hosts alone and replays the owner's decision where the two agree;
	 * where the owner refused for one of these reasons, the backup copy may differ from it.
	 */
	private Set<String> members() {
		if (this.instance == null) {
			return null;
		}
		Set<String> members = new HashSet<>();
		for (Member member : this.instance.getCluster().getMembers()) {
			members.add(member.getUuid().toString());
		}
		return members;
	}

	@Override
	public int getClassId() {
		return CLASS_ID;
	}

	@Override
	public void writeData(ObjectDataOutput out) throws IOException {
		out.writeBoolean(this.hostedByAnyOf);
		HordeSerializerHook.writeHosts(out, this.hosts);
		out.writeString(this.newHost);
		out.writeString(this.newNode);
	}

	@Override
	public void readData(ObjectDataInput in) throws IOException {
		this.hostedByAnyOf = in.readBoolean();
		this.hosts = HordeSerializerHook.readHosts(in);
		this.newHost = in.readString();
		this.newNode = in.readString();
	}

}
