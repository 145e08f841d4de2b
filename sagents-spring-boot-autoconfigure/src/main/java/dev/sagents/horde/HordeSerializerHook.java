package dev.sagents.horde;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * Registers the factory of sagents' own Hazelcast objects (the {@link RegistrationClaim} entry
 * processor) with every Hazelcast member in a JVM that has sagents on its class path, through
 * Hazelcast's service loader ({@code META-INF/services/com.hazelcast.DataSerializerHook}): the
 * application's member needs no serialization configuration. Every member of a horde's cluster
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
		if (classId == RegistrationClaim.CLASS_ID) {
			return new RegistrationClaim();
		}
		throw new IllegalArgumentException("Unknown sagents object " + classId);
	}

}
