package dev.sagents.horde.persistence;

import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.sagents.horde.HordeSerializerHook;

/**
 * An object of the Hazelcast store that travels between members or is stored in their maps:
 * identified by {@link #getClassId()} within sagents' factory ({@link HordeSerializerHook}, which
 * asks {@link StoreObjects} for these); no class name travels.
 */
interface StoreSerializable extends IdentifiedDataSerializable {

	@Override
	default int getFactoryId() {
		return HordeSerializerHook.FACTORY_ID;
	}

}
