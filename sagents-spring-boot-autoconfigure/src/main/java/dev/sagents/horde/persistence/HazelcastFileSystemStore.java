package dev.sagents.horde.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.sagents.filesystem.FileSystemPersistence.StoredFile;
import dev.sagents.horde.HordeStructures;
import dev.sagents.persistence.FileSystemStore;
import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.StaleActivationException;

/**
 * File-system files in the map {@value HordeStructures#FILE_SYSTEMS_FILES_MAP}, one entry per
 * scope holding its epoch and all its files. A claim, a write and a delete are each one entry
 * processor on that entry ({@link ClaimScope}, {@link ChangeFile}): Hazelcast runs the processors
 * of one key one after another on its partition owner, so a claim comes wholly before or after a
 * write in flight and no write of an older epoch lands after a newer claim. A read or a listing
 * brings back only what it asks for ({@link ViewFiles}). Scopes claimed together are claimed by
 * one call for all of them, which runs the claims on each partition owner at once.
 */
public final class HazelcastFileSystemStore implements FileSystemStore {

	private final HazelcastStoreMaps maps;

	/** @param maps the way to the member's maps */
	public HazelcastFileSystemStore(HazelcastStoreMaps maps) {
		this.maps = Arguments.notNull(maps, "maps");
	}

	@Override
	public long claim(String scope) {
		return this.maps.call("claim file system '" + scope + "'",
				(member) -> files(member).executeOnKey(scope, new ClaimScope()));
	}

	@Override
	public Map<String, Long> claimAll(Collection<String> scopes) {
		if (scopes.isEmpty()) {
			return Map.of();
		}
		return this.maps.call("claim " + scopes.size() + " file system(s)",
				(member) -> files(member).executeOnKeys(Set.copyOf(scopes), new ClaimScope()));
	}

	@Override
	public void write(String scope, long epoch, String path, byte[] content) {
		change(scope, epoch, ChangeFile.write(epoch, path, content, Instant.now().toEpochMilli()));
	}

	@Override
	public void delete(String scope, long epoch, String path) {
		change(scope, epoch, ChangeFile.delete(epoch, path));
	}

	private void change(String scope, long epoch, ChangeFile change) {
		boolean applied = this.maps.call("change the files of file system '" + scope + "'",
				(member) -> files(member).executeOnKey(scope, change));
		if (!applied) {
			throw new StaleActivationException(ProcessKey.fileSystem(scope), epoch);
		}
	}

	@Override
	public Optional<byte[]> read(String scope, String path) {
		return view("read '" + path + "' of file system '" + scope + "'", scope, ViewFiles.file(path))
			.flatMap((stored) -> stored.content(path));
	}

	@Override
	public List<StoredFile> list(String scope) {
		return view("list the files of file system '" + scope + "'", scope, ViewFiles.listing())
			.map(FileSystemRecord::storedFiles)
			.orElse(List.of());
	}

	private Optional<FileSystemRecord> view(String what, String scope, ViewFiles view) {
		return this.maps.call(what, (member) -> Optional.ofNullable(files(member).executeOnKey(scope, view)));
	}

	private static IMap<String, FileSystemRecord> files(HazelcastInstance member) {
		return member.getMap(HordeStructures.FILE_SYSTEMS_FILES_MAP);
	}

}
