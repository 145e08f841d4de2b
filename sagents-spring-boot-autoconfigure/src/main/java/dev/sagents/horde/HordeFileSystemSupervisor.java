package dev.sagents.horde;

import java.util.List;
import java.util.Optional;

import dev.sagents.filesystem.FileSystemInfo;
import dev.sagents.filesystem.FileSystemPaths;
import dev.sagents.filesystem.FileSystemRef;
import dev.sagents.filesystem.FileSystemSettings;
import dev.sagents.filesystem.FileSystemSupervisor;
import dev.sagents.persistence.FileSystemStorage;
import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessKind;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.supervisor.StartResult;

/**
 * File systems across the horde: one process per scope, on the member that owns the scope, shared
 * by every agent of that scope wherever the agents run. Persistence must be reachable from every
 * member (a shared directory or a database) for a file system to move with its files.
 */
public final class HordeFileSystemSupervisor extends AbstractHordeSupervisor implements FileSystemSupervisor {

	public HordeFileSystemSupervisor(HordeNode node, FileSystemStorage storage, FileSystemSettings settings,
			ProcessFailureLog failures) {
		super(node, node.hostFileSystems(storage, settings, failures));
	}

	@Override
	public StartResult<FileSystemRef> startFileSystem(String scope) {
		FileSystemPaths.requireValidScope(scope);
		return this.node.placement().startProcess(Registration.ofFileSystem(scope, null, null), FileSystemRef.class);
	}

	@Override
	public Optional<FileSystemRef> findFileSystem(String scope) {
		return find(ProcessKind.FILESYSTEM, Arguments.notNull(scope, "scope"), FileSystemRef.class);
	}

	@Override
	public boolean stopFileSystem(String scope) {
		return stop(ProcessKind.FILESYSTEM, Arguments.notNull(scope, "scope"));
	}

	@Override
	public List<FileSystemInfo> listFileSystems() {
		return this.node.placement().listFileSystems();
	}

}
