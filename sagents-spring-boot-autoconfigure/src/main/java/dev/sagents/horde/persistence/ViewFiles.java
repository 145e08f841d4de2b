package dev.sagents.horde.persistence;

import java.io.IOException;
import java.util.Map;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

/**
 * Reads part of a scope's entry where it is stored, so that only that part travels back: one
 * file with its content, or every file without content. Changes nothing, so has no backup step.
 */
final class ViewFiles implements EntryProcessor<String, FileSystemRecord, FileSystemRecord>, ReadOnly,
		StoreSerializable {

	static final int CLASS_ID = 16;

	/** The file to read; {@code null} lists every file. */
	private String path;

	/** For deserialization. */
	ViewFiles() {
	}

	private ViewFiles(String path) {
		this.path = path;
	}

	/** Reads {@code path} with its content. */
	static ViewFiles file(String path) {
		return new ViewFiles(path);
	}

	/** Lists every file, without content. */
	static ViewFiles listing() {
		return new ViewFiles(null);
	}

	@Override
	public FileSystemRecord process(Map.Entry<String, FileSystemRecord> entry) {
		FileSystemRecord stored = entry.getValue();
		if (stored == null) {
			return null;
		}
		return (this.path != null) ? stored.only(this.path) : stored.listing();
	}

	@Override
	public EntryProcessor<String, FileSystemRecord, FileSystemRecord> getBackupProcessor() {
		return null;
	}

	@Override
	public int getClassId() {
		return CLASS_ID;
	}

	@Override
	public void writeData(ObjectDataOutput out) throws IOException {
		out.writeString(this.path);
	}

	@Override
	public void readData(ObjectDataInput in) throws IOException {
		this.path = in.readString();
	}

}
