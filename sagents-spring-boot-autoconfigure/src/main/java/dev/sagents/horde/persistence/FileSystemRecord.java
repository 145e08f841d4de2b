package dev.sagents.horde.persistence;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.sagents.filesystem.FileSystemPersistence.StoredFile;

/**
 * A file system's entry in {@link dev.sagents.horde.HordeStructures#FILE_SYSTEMS_FILES_MAP}: the
 * epoch of its scope's newest claim and every file of the scope, so that a fenced write is one
 * step on one entry. Also what a read returns: one file with its content, or every file without
 * (a listing).
 */
final class FileSystemRecord implements StoreSerializable {

	static final int CLASS_ID = 13;

	private long epoch;

	/** By path; sorted, so that the owner and its backups hold the same bytes. */
	private SortedMap<String, File> files;

	/** For deserialization. */
	FileSystemRecord() {
	}

	private FileSystemRecord(long epoch, SortedMap<String, File> files) {
		this.epoch = epoch;
		this.files = files;
	}

	/** The entry of a first claim: epoch 1, no file. */
	static FileSystemRecord firstClaim() {
		return new FileSystemRecord(1, new TreeMap<>());
	}

	long epoch() {
		return this.epoch;
	}

	/** This entry claimed once more: the next epoch, the same files. */
	FileSystemRecord claimed() {
		return new FileSystemRecord(this.epoch + 1, this.files);
	}

	/** This entry with {@code path} holding {@code content} modified at {@code modified}, or removed when it is {@code null}. */
	FileSystemRecord withFile(String path, byte[] content, long modified) {
		SortedMap<String, File> changed = new TreeMap<>(this.files);
		if (content != null) {
			changed.put(path, new File(content.length, modified, content));
		}
		else {
			changed.remove(path);
		}
		return new FileSystemRecord(this.epoch, changed);
	}

	/** Only {@code path}, with its content (no file if it is not stored). */
	FileSystemRecord only(String path) {
		SortedMap<String, File> one = new TreeMap<>();
		File file = this.files.get(path);
		if (file != null) {
			one.put(path, file);
		}
		return new FileSystemRecord(this.epoch, one);
	}

	/** Every file, without content. */
	FileSystemRecord listing() {
		SortedMap<String, File> listed = new TreeMap<>();
		this.files.forEach((path, file) -> listed.put(path, new File(file.size(), file.modified(), null)));
		return new FileSystemRecord(this.epoch, listed);
	}

	/** The content of {@code path}, if this entry holds it. */
	Optional<byte[]> content(String path) {
		return Optional.ofNullable(this.files.get(path)).map(File::content);
	}

	/** The files, as stored files. */
	List<StoredFile> storedFiles() {
		return this.files.entrySet()
			.stream()
			.map((file) -> new StoredFile(file.getKey(), file.getValue().size(),
					Instant.ofEpochMilli(file.getValue().modified())))
			.toList();
	}

	@Override
	public int getClassId() {
		return CLASS_ID;
	}

	@Override
	public void writeData(ObjectDataOutput out) throws IOException {
		out.writeLong(this.epoch);
		out.writeInt(this.files.size());
		for (Map.Entry<String, File> file : this.files.entrySet()) {
			out.writeString(file.getKey());
			out.writeLong(file.getValue().size());
			out.writeLong(file.getValue().modified());
			out.writeByteArray(file.getValue().content());
		}
	}

	@Override
	public void readData(ObjectDataInput in) throws IOException {
		this.epoch = in.readLong();
		int count = StoreObjects.readCount(in, "files");
		this.files = new TreeMap<>();
		for (int i = 0; i < count; i++) {
			String path = in.readString();
			long size = in.readLong();
			long modified = in.readLong();
			this.files.put(path, new File(size, modified, in.readByteArray()));
		}
	}

	/**
	 * One file.
	 *
	 * @param size its length in bytes
	 * @param modified when it was written, in milliseconds since the epoch
	 * @param content its bytes; {@code null} in a listing
	 */
	private record File(long size, long modified, byte[] content) {
	}

}
