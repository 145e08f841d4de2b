package dev.sagents.horde.persistence;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

/**
 * Writes the states of the agents of one partition, each only if its entry's epoch is not newer
 * than the writer's: the check and the write are one step on the partition owner, so no claim
 * falls between them. The result per agent is whether it was written ({@code false}: a newer
 * activation claimed it, or it was never claimed).
 *
 * <p>It carries the writes of one partition only: Hazelcast sends a processor whole to the owner
 * and again with each backup, so one that carried a whole flush would travel once per partition.
 */
final class WriteStates implements EntryProcessor<String, AgentStateRecord, Boolean>, StoreSerializable {

	static final int CLASS_ID = 12;

	/** By agent id: the writer's epoch, and the state to store. */
	private Map<String, AgentStateRecord> writes;

	/** For deserialization. */
	WriteStates() {
	}

	WriteStates(Map<String, AgentStateRecord> writes) {
		this.writes = writes;
	}

	@Override
	public Boolean process(Map.Entry<String, AgentStateRecord> entry) {
		AgentStateRecord write = this.writes.get(entry.getKey());
		AgentStateRecord stored = entry.getValue();
		if (write == null || stored == null || stored.epoch() > write.epoch()) {
			return false;
		}
		entry.setValue(stored.withStateOf(write));
		return true;
	}

	@Override
	public int getClassId() {
		return CLASS_ID;
	}

	@Override
	public void writeData(ObjectDataOutput out) throws IOException {
		out.writeInt(this.writes.size());
		for (Map.Entry<String, AgentStateRecord> write : this.writes.entrySet()) {
			out.writeString(write.getKey());
			write.getValue().writeData(out);
		}
	}

	@Override
	public void readData(ObjectDataInput in) throws IOException {
		int count = StoreObjects.readCount(in, "writes");
		this.writes = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			String agentId = in.readString();
			AgentStateRecord write = new AgentStateRecord();
			write.readData(in);
			this.writes.put(agentId, write);
		}
	}

}
