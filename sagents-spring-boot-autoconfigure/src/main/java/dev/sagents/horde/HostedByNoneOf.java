package dev.sagents.horde;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.query.Predicate;

/**
 * Matches the registrations whose host is none of the given members: the orphans of members that
 * left, when those are all the members. Failover runs it over every entry of a member's
 * partitions: it reads only the host, where {@link Registration#toJson()} puts it, which costs a
 * fraction of Hazelcast's own predicates on a JSON attribute (they parse the value) and runs little
 * code that a JVM that never failed over must compile first.
 *
 * <p>Serialized as a {@link HordeSerializable} through {@link HordeSerializerHook}, as
 * {@link RegistrationClaim} is.
 */
final class HostedByNoneOf implements Predicate<String, HazelcastJsonValue>, HordeSerializable {

	static final int CLASS_ID = 2;

	private Set<String> members;

	/** For deserialization. */
	HostedByNoneOf() {
	}

	HostedByNoneOf(Collection<String> members) {
		this.members = Set.copyOf(members);
	}

	@Override
	public boolean apply(Map.Entry<String, HazelcastJsonValue> entry) {
		HazelcastJsonValue registration = entry.getValue();
		return registration != null && !this.members.contains(Registration.hostOf(registration));
	}

	@Override
	public int getClassId() {
		return CLASS_ID;
	}

	@Override
	public void writeData(ObjectDataOutput out) throws IOException {
		HordeSerializerHook.writeHosts(out, this.members);
	}

	@Override
	public void readData(ObjectDataInput in) throws IOException {
		this.members = HordeSerializerHook.readHosts(in);
	}

}
