package dev.sagents.horde;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

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
		HordeSerializable {

	static final int CLASS_ID = 1;

	/** Claim entries whose host is one of {@link #hosts} (else: none of them). */
	private boolean hostedByAnyOf;

	private Set<String> hosts;

	private String newHost;

	private String newNode;

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
	public HazelcastJsonValue process(Map.Entry<String, HazelcastJsonValue> entry) {
		HazelcastJsonValue current = entry.getValue();
		if (current == null) {
			return null;
		}
		HazelcastJsonValue moved = Registration.moveIf(current,
				(host) -> this.hosts.contains(host) == this.hostedByAnyOf, this.newHost, this.newNode);
		if (moved != null) {
			entry.setValue(moved);
		}
		return moved;
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
