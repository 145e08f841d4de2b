package dev.sagents.horde;

import java.util.List;
import java.util.Optional;

import dev.sagents.filesystem.FileSystemInfo;
import dev.sagents.filesystem.FileSystemPersistence;
import dev.sagents.filesystem.FileSystemRef;
import dev.sagents.filesystem.FileSystemSettings;
import dev.sagents.filesystem.FileSystemSupervisor;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.supervisor.SagentsLifecycle;
import dev.sagents.supervisor.StartResult;

/** (Being written: signatures are final, bodies are not.) */
public final class HordeFileSystemSupervisor implements FileSystemSupervisor, SagentsLifecycle {

	public HordeFileSystemSupervisor(HordeNode node, FileSystemPersistence persistence, FileSystemSettings settings,
			ProcessFailureLog failures) {
	}

	@Override
	public StartResult<FileSystemRef> startFileSystem(String scope) {
		throw new UnsupportedOperationException("being written");
	}

	@Override
	public Optional<FileSystemRef> findFileSystem(String scope) {
		throw new UnsupportedOperationException("being written");
	}

	@Override
	public boolean stopFileSystem(String scope) {
		throw new UnsupportedOperationException("being written");
	}

	@Override
	public List<FileSystemInfo> listFileSystems() {
		throw new UnsupportedOperationException("being written");
	}

	@Override
	public void start() {
	}

	@Override
	public void stop() {
	}

}
