package dev.sagents.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.process.ProcessError;
import dev.sagents.process.ProcessKey;
import dev.sagents.supervisor.RestartIntensity;

/**
 * One process's crashes: the last one, for inspection, and whether the process may still restart
 * after another ({@link RestartWindow}), each logged. A process makes one on its first crash (most
 * never crash, and an idle process should cost nothing more) and records crashes only while it
 * holds itself.
 */
final class Crashes {

	private static final Logger logger = LoggerFactory.getLogger(LocalProcess.class);

	private final ProcessKey key;

	private final RestartWindow window;

	private volatile ProcessError last;

	Crashes(ProcessKey key, RestartIntensity intensity) {
		this.key = key;
		this.window = new RestartWindow(intensity);
	}

	/** The last crash recorded. */
	ProcessError last() {
		return this.last;
	}

	/** Records {@code error} as the last crash, and logs that the process is restarted. */
	void record(Throwable error) {
		this.last = ProcessError.of(error);
		logger.warn("Process {} crashed; restarting it", this.key, error);
	}

	/**
	 * Whether the process may restart after the crash {@code error} (counted as a restart if so);
	 * logged when it may not.
	 */
	boolean allowRestart(Throwable error) {
		if (this.window.allowRestart()) {
			return true;
		}
		logger.error("Process {} crashed {} times within {}; giving up on it", this.key, this.window.restarts(),
				this.window.window(), error);
		return false;
	}

}
