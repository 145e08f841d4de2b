package dev.sagents.horde.persistence;

import java.util.Map;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

/**
 * Claims a file system's scope for a new activation on its entry's partition owner: the epoch
 * becomes the stored one plus one (1 with a new, empty entry); the result is the new epoch. A
 * change of a file is a step on the same entry, so a claim comes wholly before or after it.
 */
final class ClaimScope implements EntryProcessor<String, FileSystemRecord, Long>, StoreSerializable {

	static final int CLASS_ID = 14;

	@Override
	public Long process(Map.Entry<String, FileSystemRecord> entry) {
		FileSystemRecord stored = entry.getValue();
		FileSystemRecord claimed = (stored != null) ? stored.claimed() : FileSystemRecord.firstClaim();
		entry.setValue(claimed);
		return claimed.epoch();
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
