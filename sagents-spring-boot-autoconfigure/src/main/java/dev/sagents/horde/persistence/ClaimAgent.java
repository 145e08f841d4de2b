package dev.sagents.horde.persistence;

import java.util.Map;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

/**
 * Claims an agent for a new activation on its entry's partition owner: the epoch becomes the
 * stored one plus one (1 with a new entry), and the claimed entry, with the state stored so far,
 * is the result. The backup replays it on the same value.
 */
final class ClaimAgent implements EntryProcessor<String, AgentStateRecord, AgentStateRecord>, StoreSerializable {

	static final int CLASS_ID = 11;

	@Override
	public AgentStateRecord process(Map.Entry<String, AgentStateRecord> entry) {
		AgentStateRecord stored = entry.getValue();
		AgentStateRecord claimed = (stored != null) ? stored.claimed() : AgentStateRecord.firstClaim();
		entry.setValue(claimed);
		return claimed;
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

}
