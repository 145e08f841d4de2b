package dev.sagents.horde.persistence;

import java.io.IOException;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.sagents.codec.EncodedValue;
import dev.sagents.persistence.StoredState;

/**
 * An agent's entry in {@link dev.sagents.horde.HordeStructures#AGENT_STATES_MAP}: the epoch of its
 * newest claim and its state as the codec wrote it (none until the first write). Also what a
 * write carries to the entry, with the writer's epoch.
 */
final class AgentStateRecord implements StoreSerializable {

	static final int CLASS_ID = 10;

	private long epoch;

	/** The codec's type name; {@code null} while no state was written. */
	private String type;

	private byte[] data;

	/** For deserialization. */
	AgentStateRecord() {
	}

	AgentStateRecord(long epoch, String type, byte[] data) {
		this.epoch = epoch;
		this.type = type;
		this.data = data;
	}

	/** The entry of a first claim: epoch 1, no state. */
	static AgentStateRecord firstClaim() {
		return new AgentStateRecord(1, null, null);
	}

	/** This entry claimed once more: the next epoch, the same state. */
	AgentStateRecord claimed() {
		return new AgentStateRecord(this.epoch + 1, this.type, this.data);
	}

	/** This entry with {@code write}'s state, keeping its own (newest) epoch. */
	AgentStateRecord withStateOf(AgentStateRecord write) {
		return new AgentStateRecord(this.epoch, write.type, write.data);
	}

	long epoch() {
		return this.epoch;
	}

	StoredState toStoredState() {
		return new StoredState(this.epoch, (this.type != null) ? new EncodedValue(this.type, this.data) : null);
	}

	@Override
	public int getClassId() {
		return CLASS_ID;
	}

	@Override
	public void writeData(ObjectDataOutput out) throws IOException {
		out.writeLong(this.epoch);
		out.writeString(this.type);
		out.writeByteArray(this.data);
	}

	@Override
	public void readData(ObjectDataInput in) throws IOException {
		this.epoch = in.readLong();
		this.type = in.readString();
		this.data = in.readByteArray();
	}

}
