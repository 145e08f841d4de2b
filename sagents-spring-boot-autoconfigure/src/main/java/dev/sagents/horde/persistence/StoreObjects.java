package dev.sagents.horde.persistence;

import java.io.IOException;
import java.util.Optional;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * The objects of the Hazelcast store that sagents' serialization factory creates, by class id
 * (10 to 16, beside the horde's own): nothing else is ever instantiated from what a member reads.
 */
public final class StoreObjects {

	/** The most entries (writes, files) one object may carry when read, against corrupt or hostile input. */
	static final int MAX_ENTRIES = 1_000_000;

	private StoreObjects() {
	}

	/** A new, empty object of {@code classId} to read into; empty for an id that is not the store's. */
	public static Optional<IdentifiedDataSerializable> create(int classId) {
		return Optional.ofNullable(switch (classId) {
			case AgentStateRecord.CLASS_ID -> new AgentStateRecord();
			case ClaimAgent.CLASS_ID -> new ClaimAgent();
			case WriteStates.CLASS_ID -> new WriteStates();
			case FileSystemRecord.CLASS_ID -> new FileSystemRecord();
			case ClaimScope.CLASS_ID -> new ClaimScope();
			case ChangeFile.CLASS_ID -> new ChangeFile();
			case ViewFiles.CLASS_ID -> new ViewFiles();
			default -> null;
		});
	}

	/** Reads a count written before {@code what}, refusing one below 0 or above {@link #MAX_ENTRIES}. */
	static int readCount(ObjectDataInput in, String what) throws IOException {
		int count = in.readInt();
		if (count < 0 || count > MAX_ENTRIES) {
			throw new IOException("A sagents store object names " + count + " " + what);
		}
		return count;
	}

}
