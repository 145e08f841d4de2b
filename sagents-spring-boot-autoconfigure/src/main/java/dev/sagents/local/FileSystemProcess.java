package dev.sagents.local;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.filesystem.FileSystemCommand;
import dev.sagents.filesystem.FileSystemException;
import dev.sagents.filesystem.FileSystemRef;
import dev.sagents.filesystem.FileSystemState;
import dev.sagents.persistence.FileSystemActivation;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.StaleActivationException;
import dev.sagents.supervisor.ExitReason;

/**
 * A running file system: one {@link FileSystemState} owned by one process, so every agent sharing
 * the scope sees one consistent set of files. Refused requests (bad path, missing file) reach the
 * caller as they are and do not restart the process; pending writes are flushed before a crash
 * restart re-indexes from persistence.
 *
 * <p>Its start activates the scope in the file systems' storage, which claims its epoch where the
 * storage fences; a restart after a crash keeps that activation. A write refused because a newer
 * activation claimed the scope stops this one as {@link ExitReason#STALE}, without flushing: the
 * changes it acknowledged and could not persist are handed, once it ended, to the scope's current
 * activation ({@link LocalFileSystemSupervisor#replay}), which makes and persists them.
 */
final class FileSystemProcess extends HostedProcess implements FileSystemRef {

	private static final Logger logger = LoggerFactory.getLogger(FileSystemProcess.class);

	private final LocalFileSystemSupervisor supervisor;

	private FileSystemState state;

	/** This activation: its epoch and where its files go; made by the first start, kept by a restart after a crash. */
	private FileSystemActivation activation;

	/** What this activation acknowledged and could not persist, once it stopped as stale; owned by the process. */
	private List<FileSystemState.Change> unpersisted = List.of();

	/** Whether a {@link FileSystemCommand.PersistDue} is on its way; owned by the process. */
	private boolean persistScheduled;

	private volatile int fileCount;

	FileSystemProcess(LocalFileSystemSupervisor supervisor, String scope) {
		super(ProcessKey.fileSystem(scope), supervisor.runtime(), supervisor.terms());
		this.supervisor = supervisor;
	}

	@Override
	protected void init() throws IOException {
		if (this.activation == null) {
			this.activation = this.supervisor.storage().activate(scope());
		}
		FileSystemState fresh = new FileSystemState(scope(), this.activation.files(), this.activation.epoch(),
				this.supervisor.settings(), Clock.systemUTC());
		fresh.reindex();
		this.state = fresh;
		this.fileCount = fresh.fileCount();
	}

	@Override
	protected Object handle(Object message) {
		if (!(message instanceof FileSystemCommand<?> command)) {
			throw new IllegalArgumentException("A file system handles FileSystemCommand messages, not " + message);
		}
		if (command instanceof FileSystemCommand.PersistDue) {
			this.persistScheduled = false;
		}
		try {
			return command.applyTo(this.state);
		}
		catch (StaleActivationException ex) {
			stopStale(ex);
			throw ex;
		}
		finally {
			this.fileCount = this.state.fileCount();
			schedulePersistence();
		}
	}

	private void schedulePersistence() {
		if (this.persistScheduled) {
			return;
		}
		Optional<Duration> due = this.state.nextDueIn();
		if (due.isPresent()) {
			this.persistScheduled = true;
			this.runtime.timer()
				.schedule(() -> cast(new FileSystemCommand.PersistDue()), due.get().toNanos(), TimeUnit.NANOSECONDS);
		}
	}

	/** A refused write as stale is a refusal too: the caller gets it, and the file system stops. */
	@Override
	protected boolean isRefusal(Throwable error) {
		return error instanceof FileSystemException || error instanceof StaleActivationException;
	}

	@Override
	protected void crashed(Throwable error) {
		try {
			this.state.flushAll();
		}
		catch (StaleActivationException ex) {
			stopStale(ex);
		}
	}

	/**
	 * A newer activation claimed the scope: this one stops after the current message, flushing
	 * nothing, and keeps its pending changes for the current activation.
	 */
	private void stopStale(StaleActivationException error) {
		this.unpersisted = this.state.takePending();
		logger.warn("File system {} stops, handing {} change(s) it could not persist to its current activation: {}",
				scope(), this.unpersisted.size(), error.getMessage());
		stopSelf(ExitReason.STALE);
	}

	@Override
	protected void terminate(ExitReason reason) {
		if (reason.persistsOnExit()) {
			this.state.flushAll();
		}
	}

	@Override
	protected void undelivered(Object message) {
		// The debounce timer's own message belongs to this incarnation; the next one flushes anew.
		if (!(message instanceof FileSystemCommand.PersistDue)) {
			super.undelivered(message);
		}
	}

	@Override
	protected void ended(ExitReason reason, Throwable error) {
		this.supervisor.ended(this, reason, error);
		if (!this.unpersisted.isEmpty()) {
			this.supervisor.replay(this, new FileSystemCommand.Replay(this.unpersisted));
		}
	}

	int fileCount() {
		return this.fileCount;
	}

	@Override
	public String toString() {
		return super.toString() + "{files=" + this.fileCount + "}";
	}

}
