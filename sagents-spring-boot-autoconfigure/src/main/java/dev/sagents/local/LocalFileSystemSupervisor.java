package dev.sagents.local;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.filesystem.FileSystemCommand;

import dev.sagents.filesystem.FileSystemInfo;
import dev.sagents.filesystem.FileSystemPaths;
import dev.sagents.filesystem.FileSystemRef;
import dev.sagents.filesystem.FileSystemSettings;
import dev.sagents.filesystem.FileSystemSupervisor;
import dev.sagents.persistence.FileSystemStorage;
import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.supervisor.ExitReason;
import dev.sagents.supervisor.ProcessFailure;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.supervisor.SagentsLifecycle;
import dev.sagents.supervisor.StartResult;

/**
 * Hosts file systems on this node, one process per scope. Starting re-indexes what persistence
 * holds for the scope; stopping (one scope, or all at node stop) flushes every pending write.
 */
public final class LocalFileSystemSupervisor implements FileSystemSupervisor, SagentsLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(LocalFileSystemSupervisor.class);

	private final LocalProcessRuntime runtime;

	private final LocalProcessRegistry registry;

	private final FileSystemStorage storage;

	private final FileSystemSettings settings;

	private final ProcessFailureLog failures;

	private final HostingListener hosting;

	private final HostingTerms terms;

	/** Where the changes a stale file system could not persist go: see {@link #replay}. */
	private final BiConsumer<FileSystemProcess, FileSystemCommand.Replay> replays;

	/**
	 * A file-system supervisor of the local backend: a file system that stops as stale (another
	 * application instance on the same store claimed its scope) hands the changes it could not
	 * persist to a new activation here, which claims the scope again.
	 */
	public LocalFileSystemSupervisor(LocalProcessRuntime runtime, LocalProcessRegistry registry,
			FileSystemStorage storage, FileSystemSettings settings, ProcessFailureLog failures) {
		this(runtime, registry, storage, settings, failures, HostingListener.NONE, null);
	}

	/**
	 * A file-system supervisor that tells {@code hosting} about every file system it starts and
	 * ends; used by a clustered backend that hosts its file systems on this node. The changes a
	 * stale file system could not persist reach {@code hosting} as a cast it could not deliver
	 * ({@link HostingListener#undelivered}), for the backend to send where the scope runs now.
	 */
	public LocalFileSystemSupervisor(LocalProcessRuntime runtime, LocalProcessRegistry registry,
			FileSystemStorage storage, FileSystemSettings settings, ProcessFailureLog failures,
			HostingListener hosting) {
		this(runtime, registry, storage, settings, failures, hosting,
				(stale, changes) -> hosting.undelivered(stale, changes, null));
	}

	private LocalFileSystemSupervisor(LocalProcessRuntime runtime, LocalProcessRegistry registry,
			FileSystemStorage storage, FileSystemSettings settings, ProcessFailureLog failures,
			HostingListener hosting, BiConsumer<FileSystemProcess, FileSystemCommand.Replay> replays) {
		this.replays = (replays != null) ? replays : this::replayHere;
		this.runtime = runtime;
		this.registry = registry;
		this.storage = storage;
		this.settings = settings;
		this.failures = failures;
		this.hosting = hosting;
		this.terms = new HostingTerms(settings.restartIntensity(), settings.callTimeout(), hosting);
	}

	@Override
	public StartResult<FileSystemRef> startFileSystem(String scope) {
		FileSystemPaths.requireValidScope(scope);
		StartResult<FileSystemProcess> result = this.registry.start(ProcessKey.fileSystem(scope),
				() -> new FileSystemProcess(this, scope), this.settings.callTimeout(), this.hosting);
		return new StartResult<>(result.ref(), result.alreadyStarted());
	}

	@Override
	public Optional<FileSystemRef> findFileSystem(String scope) {
		if (!FileSystemPaths.isValidScope(Arguments.notNull(scope, "scope"))) {
			return Optional.empty();
		}
		return this.registry.lookup(ProcessKey.fileSystem(scope)).map(FileSystemRef.class::cast);
	}

	@Override
	public boolean stopFileSystem(String scope) {
		Arguments.notNull(scope, "scope");
		this.registry.ensureAvailable();
		return stopHosted(scope, ExitReason.STOPPED);
	}

	/**
	 * Stops the file system of {@code scope} if this node hosts it, whatever the registry's state;
	 * for a clustered backend serving a stop from another member.
	 */
	public boolean stopHosted(String scope, ExitReason reason) {
		return FileSystemPaths.isValidScope(scope)
				&& this.registry.stopHosted(ProcessKey.fileSystem(scope), reason, this.settings.callTimeout());
	}

	@Override
	public List<FileSystemInfo> listFileSystems() {
		this.registry.ensureAvailable();
		return listHosted();
	}

	/** The file systems this node hosts, whatever the registry's state. */
	public List<FileSystemInfo> listHosted() {
		return this.registry.processes(ProcessKind.FILESYSTEM)
			.map(FileSystemProcess.class::cast)
			.filter(FileSystemProcess::isAlive)
			.map((fileSystem) -> new FileSystemInfo(fileSystem.scope(), fileSystem.node(), fileSystem.fileCount()))
			.toList();
	}

	@Override
	public void start() {
	}

	@Override
	public void stop() {
		this.registry.shutDownHosted(ProcessKind.FILESYSTEM, this.settings.callTimeout());
	}

	/**
	 * Called by a file system once it ended for good. An epoch claimed ahead for it and not taken
	 * (it ended before it activated) is dropped: its next start claims anew.
	 */
	void ended(FileSystemProcess fileSystem, ExitReason reason, Throwable error) {
		this.registry.unregister(fileSystem);
		this.storage.dropClaimAhead(fileSystem.scope());
		if (reason == ExitReason.RESTART_LIMIT) {
			this.failures.record(ProcessFailure.of(fileSystem, this.settings.restartIntensity(), error));
		}
		this.hosting.ended(fileSystem, reason);
	}

	/**
	 * Hands {@code changes}, which file system {@code stale} acknowledged but could not persist
	 * because a newer activation claimed its scope, to the scope's current activation: nothing
	 * acknowledged is dropped. Called once {@code stale} ended.
	 */
	void replay(FileSystemProcess stale, FileSystemCommand.Replay changes) {
		this.replays.accept(stale, changes);
	}

	/** {@link #replay} for the local backend: into the scope's file system here, started again if needed. */
	private void replayHere(FileSystemProcess stale, FileSystemCommand.Replay changes) {
		this.runtime.executor().execute(() -> {
			try {
				ensureFileSystem(stale.scope()).cast(changes);
			}
			catch (RuntimeException ex) {
				logger.error("Lost {} change(s) of file system '{}' acknowledged by a stale activation: {}",
						changes.changes().size(), stale.scope(), changes.changes(), ex);
			}
		});
	}

	LocalProcessRuntime runtime() {
		return this.runtime;
	}

	HostingTerms terms() {
		return this.terms;
	}

	FileSystemStorage storage() {
		return this.storage;
	}

	FileSystemSettings settings() {
		return this.settings;
	}

}
