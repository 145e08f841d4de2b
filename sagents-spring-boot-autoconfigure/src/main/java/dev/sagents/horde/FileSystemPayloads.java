package dev.sagents.horde;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.sagents.filesystem.FileEntry;
import dev.sagents.filesystem.FileSystemCommand;
import dev.sagents.filesystem.FileSystemDetails;
import dev.sagents.filesystem.FileSystemState;

/**
 * File-system commands and their replies in the fixed {@link Wire} layout: the set of commands is
 * closed, so no type name travels and nothing is resolved by name.
 */
final class FileSystemPayloads implements PayloadFormat {

	private static final int WRITE = 1;

	private static final int READ = 2;

	private static final int LIST = 3;

	private static final int DELETE = 4;

	private static final int MOVE = 5;

	private static final int FLUSH = 6;

	private static final int REPLAY = 7;

	private static final int DESCRIBE = 8;

	@Override
	public byte[] encodeMessage(Object message) {
		Wire.Writer out = new Wire.Writer();
		if (message instanceof FileSystemCommand.Write write) {
			out.writeByte(WRITE).writeString(write.path()).writeBytes(write.content());
		}
		else if (message instanceof FileSystemCommand.Read read) {
			out.writeByte(READ).writeString(read.path());
		}
		else if (message instanceof FileSystemCommand.ListFiles list) {
			out.writeByte(LIST).writeString(list.prefix());
		}
		else if (message instanceof FileSystemCommand.Delete delete) {
			out.writeByte(DELETE).writeString(delete.path());
		}
		else if (message instanceof FileSystemCommand.Move move) {
			out.writeByte(MOVE).writeString(move.from()).writeString(move.to());
		}
		else if (message instanceof FileSystemCommand.Flush) {
			out.writeByte(FLUSH);
		}
		else if (message instanceof FileSystemCommand.Describe describe) {
			out.writeByte(DESCRIBE).writeInt(describe.maxPaths());
		}
		else if (message instanceof FileSystemCommand.Replay replay) {
			out.writeByte(REPLAY).writeInt(replay.changes().size());
			replay.changes().forEach((change) -> out.writeString(change.path()).writeBytes(change.content()));
		}
		else {
			throw new IllegalArgumentException("Not a file-system command that travels: " + message);
		}
		return out.toBytes();
	}

	@Override
	public Object decodeMessage(byte[] data) {
		Wire.Reader in = new Wire.Reader(data);
		return switch (in.readByte()) {
			case WRITE -> new FileSystemCommand.Write(in.readString(), in.readBytes());
			case READ -> new FileSystemCommand.Read(in.readString());
			case LIST -> new FileSystemCommand.ListFiles(in.readString());
			case DELETE -> new FileSystemCommand.Delete(in.readString());
			case MOVE -> new FileSystemCommand.Move(in.readString(), in.readString());
			case FLUSH -> new FileSystemCommand.Flush();
			case REPLAY -> new FileSystemCommand.Replay(readChanges(in));
			case DESCRIBE -> new FileSystemCommand.Describe(in.readInt());
			default -> throw new IllegalArgumentException("Unknown file-system command");
		};
	}

	/** The changes of a {@link FileSystemCommand.Replay}: a write's content, or {@code null} for a delete. */
	private static List<FileSystemState.Change> readChanges(Wire.Reader in) {
		int count = in.readInt();
		List<FileSystemState.Change> changes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			changes.add(new FileSystemState.Change(in.readString(), in.readBytes()));
		}
		return changes;
	}

	@Override
	public byte[] encodeReply(Object message, Object reply) {
		Wire.Writer out = new Wire.Writer();
		if (message instanceof FileSystemCommand.Read) {
			out.writeBytes(((Optional<?>) reply).map(byte[].class::cast).orElse(null));
		}
		else if (message instanceof FileSystemCommand.ListFiles) {
			List<?> entries = (List<?>) reply;
			out.writeInt(entries.size());
			for (Object item : entries) {
				FileEntry entry = (FileEntry) item;
				out.writeString(entry.path())
					.writeLong(entry.size())
					.writeLong(entry.modified().getEpochSecond())
					.writeInt(entry.modified().getNano())
					.writeBoolean(entry.persisted());
			}
		}
		else if (message instanceof FileSystemCommand.Delete) {
			out.writeBoolean((Boolean) reply);
		}
		else if (message instanceof FileSystemCommand.Describe) {
			FileSystemDetails details = (FileSystemDetails) reply;
			out.writeLong(details.epoch()).writeInt(details.files()).writeLong(details.totalSize());
			out.writeInt(details.paths().size());
			details.paths().forEach(out::writeString);
		}
		return out.toBytes();
	}

	@Override
	public Object decodeReply(Object message, byte[] data) {
		Wire.Reader in = new Wire.Reader(data);
		if (message instanceof FileSystemCommand.Read) {
			return Optional.ofNullable(in.readBytes());
		}
		if (message instanceof FileSystemCommand.ListFiles) {
			int size = in.readInt();
			List<FileEntry> entries = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				entries.add(new FileEntry(in.readString(), in.readLong(), Instant.ofEpochSecond(in.readLong(), in.readInt()),
						in.readBoolean()));
			}
			return entries;
		}
		if (message instanceof FileSystemCommand.Delete) {
			return in.readBoolean();
		}
		if (message instanceof FileSystemCommand.Describe) {
			return readDetails(in);
		}
		return null;
	}

	private static FileSystemDetails readDetails(Wire.Reader in) {
		long epoch = in.readLong();
		int files = in.readInt();
		long totalSize = in.readLong();
		int count = in.readInt();
		List<String> paths = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			paths.add(in.readString());
		}
		return new FileSystemDetails(epoch, files, totalSize, paths);
	}

}
