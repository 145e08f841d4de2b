package dev.sagents.horde;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.hazelcast.aggregation.Aggregator;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

/**
 * Counts the registrations of a map by host, in one pass over it: each member counts the entries
 * of its partitions and sends back one count per host, which the caller adds up. The counts of
 * every member the rebalancer plans with, or the actuator shows, cost one scan of the registry,
 * not one per member. It reads only the host, as {@link HostedByNoneOf} does; a host with no
 * registration has no count.
 *
 * <p>Serialized as a {@link HordeSerializable} through {@link HordeSerializerHook}, counts and
 * all: no class name travels, and a count read names at most {@link HordeSerializerHook#MAX_HOSTS}
 * hosts.
 */
final class HostCounts implements Aggregator<Map.Entry<String, HazelcastJsonValue>, Map<String, Long>>,
		HordeSerializable {

	static final int CLASS_ID = 3;

	private Map<String, Long> counts = new HashMap<>();

	@Override
	public void accumulate(Map.Entry<String, HazelcastJsonValue> entry) {
		HazelcastJsonValue registration = entry.getValue();
		String host = (registration != null) ? Registration.hostOf(registration) : null;
		if (host != null) {
			this.counts.merge(host, 1L, Long::sum);
		}
	}

	@Override
	public void combine(Aggregator aggregator) {
		((HostCounts) aggregator).counts.forEach((host, count) -> this.counts.merge(host, count, Long::sum));
	}

	/** How many registrations each host has; hosts with none are absent. */
	@Override
	public Map<String, Long> aggregate() {
		return Map.copyOf(this.counts);
	}

	@Override
	public int getClassId() {
		return CLASS_ID;
	}

	@Override
	public void writeData(ObjectDataOutput out) throws IOException {
		out.writeInt(this.counts.size());
		for (Map.Entry<String, Long> count : this.counts.entrySet()) {
			out.writeString(count.getKey());
			out.writeLong(count.getValue());
		}
	}

	@Override
	public void readData(ObjectDataInput in) throws IOException {
		int size = in.readInt();
		if (size < 0 || size > HordeSerializerHook.MAX_HOSTS) {
			throw new IOException("A count of registrations names " + size + " hosts");
		}
		this.counts = new HashMap<>(size * 2);
		for (int i = 0; i < size; i++) {
			String host = in.readString();
			long count = in.readLong();
			if (host == null || count < 0) {
				throw new IOException("A count of registrations holds " + count + " for host " + host);
			}
			this.counts.put(host, count);
		}
	}

}
