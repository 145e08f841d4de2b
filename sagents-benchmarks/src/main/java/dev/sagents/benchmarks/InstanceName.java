package dev.sagents.benchmarks;

import java.util.concurrent.Callable;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * Hazelcast's own remote call, as the yardstick of sagents' remote calls in the same run: a task
 * with no state, answering the name of the Hazelcast instance that ran it, submitted through
 * Hazelcast's executor service. It is the small {@link IdentifiedDataSerializable} task behind the
 * executor round trip the issue quotes (a {@code java.io.Serializable} one costs ~45 µs more).
 * {@link Hook} registers its factory in every benchmark JVM through Hazelcast's service loader.
 */
final class InstanceName implements Callable<String>, IdentifiedDataSerializable, HazelcastInstanceAware {

	private static final int FACTORY_ID = 0x5A6E7442;

	private static final int CLASS_ID = 1;

	private transient HazelcastInstance instance;

	@Override
	public void setHazelcastInstance(HazelcastInstance instance) {
		this.instance = instance;
	}

	@Override
	public String call() {
		return this.instance.getName();
	}

	@Override
	public int getFactoryId() {
		return FACTORY_ID;
	}

	@Override
	public int getClassId() {
		return CLASS_ID;
	}

	@Override
	public void writeData(ObjectDataOutput out) {
	}

	@Override
	public void readData(ObjectDataInput in) {
	}

	/** Registers the benchmark's factory, which creates only {@link InstanceName}. */
	public static final class Hook implements com.hazelcast.internal.serialization.DataSerializerHook {

		@Override
		public int getFactoryId() {
			return FACTORY_ID;
		}

		@Override
		public DataSerializableFactory createFactory() {
			return (classId) -> {
				if (classId != CLASS_ID) {
					throw new IllegalArgumentException("Unknown benchmark object " + classId);
				}
				return new InstanceName();
			};
		}

	}

}
