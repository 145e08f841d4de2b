package dev.sagents.horde;

import java.io.IOException;
import java.util.Set;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.sagents.horde.persistence.StoreObjects;

/**
 * Registers the factory of sagents' own Hazelcast objects (the {@link RegistrationClaim} entry
 * processor, the {@link HostedByNoneOf} predicate, the {@link HostCounts} aggregator, and the
 * Hazelcast store's entries and entry processors, {@link StoreObjects}) with every Hazelcast member
 * in a JVM that has sagents on its class path, through Hazelcast's service loader
 * ({@code META-INF/services/com.hazelcast.DataSerializerHook}): the application's member needs no
 * serialization configuration. Every member of a horde's cluster
 * must therefore have sagents on its class path, as the registry's partitions may live on any.
 * The factory creates only the classes it knows by id; nothing else is ever instantiated.
 */
public final class HordeSerializerHook implements DataSerializerHook {

	/** The factory id; sagents' objects need a factory id no application factory uses. */
	public static final int FACTORY_ID = 0x5A6E7453;

	/** The most hosts a claim may name when read, against corrupt or hostile input. */
	static final int MAX_HOSTS = 10_000;

	@Override
	public int getFactoryId() {
		return FACTORY_ID;
	}

	@Override
	public DataSerializableFactory createFactory() {
		return HordeSerializerHook::create;
	}

	private static IdentifiedDataSerializable create(int classId) {
		return switch (classId) {
			case RegistrationClaim.CLASS_ID -> new RegistrationClaim();
			case HostedByNoneOf.CLASS_ID -> new HostedByNoneOf();
			case HostCounts.CLASS_ID -> new HostCounts();
			default -> StoreObjects.create(classId)
				.orElseThrow(() -> new IllegalArgumentException("Unknown sagents object " + classId));
		};
	}

	/** Writes a set of member UUIDs, as {@link #readHosts} reads it. */
	static void writeHosts(ObjectDataOutput out, Set<String> hosts) throws IOException {
		out.writeInt(hosts.size());
		for (String host : hosts) {
			out.writeString(host);
		}
	}

	/** Reads a set of member UUIDs, at most {@link #MAX_HOSTS}. */
	static Set<String> readHosts(ObjectDataInput in) throws IOException {
		int count = in.readInt();
		if (count < 0 || count > MAX_HOSTS) {
			throw new IOException("A sagents object names " + count + " hosts");
		}
		String[] read = new String[count];
		for (int i = 0; i < count; i++) {
			read[i] = in.readString();
		}
		return Set.of(read);
	}

}
