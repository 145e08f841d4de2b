package dev.sagents.horde;

import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * A sagents object that travels between Hazelcast members: identified by {@link #getClassId()}
 * within sagents' factory, which {@link HordeSerializerHook} registers; no class name travels.
 */
interface HordeSerializable extends IdentifiedDataSerializable {

	@Override
	default int getFactoryId() {
		return HordeSerializerHook.FACTORY_ID;
	}

}
