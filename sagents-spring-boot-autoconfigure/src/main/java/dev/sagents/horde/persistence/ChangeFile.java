package dev.sagents.horde.persistence;

import java.io.IOException;
import java.util.Map;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

/**
 * Writes or deletes one file of a scope, only if the scope's epoch is not newer than the
 * writer's, as one step on the scope's entry; the result is whether it was applied ({@code false}:
 * a newer activation claimed the scope, or it was never claimed). It carries its own time, so
 * the backup's replay stores the same entry.
 */
final class ChangeFile implements EntryProcessor<String, FileSystemRecord, Boolean>, StoreSerializable {

	static final int CLASS_ID = 15;

	private long epoch;

	private String path;

	/** The new content; {@code null} deletes the file. */
	private byte[] content;

	private long modified;

	/** For deserialization. */
	ChangeFile() {
	}

	private ChangeFile(long epoch, String path, byte[] content, long modified) {
		this.epoch = epoch;
		this.path = path;
		this.content = content;
		this.modified = modified;
	}

	/** Stores {@code content} at {@code path}, modified at {@code modified} (milliseconds since the epoch). */
	static ChangeFile write(long epoch, String path, byte[] content, long modified) {
		return new ChangeFile(epoch, path, content, modified);
	}

	/** Removes {@code path}. */
	static ChangeFile delete(long epoch, String path) {
		return new ChangeFile(epoch, path, null, 0);
	}

	@Override
	public Boolean process(Map.Entry<String, FileSystemRecord> entry) {
		FileSystemRecord stored = entry.getValue();
		if (stored == null || stored.epoch() > this.epoch) {
			return false;
		}
		entry.setValue(stored.withFile(this.path, this.content, this.modified));
		return true;
	}

	@Override
	public int getClassId() {
		return CLASS_ID;
	}

	@Override
	public void writeData(ObjectDataOutput out) throws IOException {
		out.writeLong(this.epoch);
		out.writeString(this.path);
		out.writeByteArray(this.content);
		out.writeLong(this.modified);
	}

	@Override
	public void readData(ObjectDataInput in) throws IOException {
		this.epoch = in.readLong();
		this.path = in.readString();
		this.content = in.readByteArray();
		this.modified = in.readLong();
	}

}
