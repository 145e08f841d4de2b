package dev.sagents.horde.persistence;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import dev.sagents.horde.HordeSerializerHook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** sagents' serialization factory creates the Hazelcast store's objects by id, and nothing else. */
class StoreObjectsTests {

	private final DataSerializableFactory factory = new HordeSerializerHook().createFactory();

	@Test
	void everyStoreObjectIsCreatedByItsIdInSagentsFactory() {
		for (int classId = AgentStateRecord.CLASS_ID; classId <= ViewFiles.CLASS_ID; classId++) {
			var created = this.factory.create(classId);
			assertThat(created.getClassId()).isEqualTo(classId);
			assertThat(created.getFactoryId()).isEqualTo(HordeSerializerHook.FACTORY_ID);
		}
	}

	@Test
	void anIdThatIsNeitherTheHordesNorTheStoresIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.factory.create(ViewFiles.CLASS_ID + 1))
			.withMessage("Unknown sagents object " + (ViewFiles.CLASS_ID + 1));
		assertThat(StoreObjects.create(1)).as("the horde's own ids are not the store's").isEmpty();
	}

}
