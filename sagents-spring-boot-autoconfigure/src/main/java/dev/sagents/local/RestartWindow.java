package dev.sagents.local;

import java.time.Duration;

import dev.sagents.supervisor.RestartIntensity;

/**
 * How often one process may still restart: at most {@link RestartIntensity#maxRestarts()} restarts
 * within a window of {@link RestartIntensity#window()} that slides with each crash. A process makes
 * one on its first crash (most never crash, and an idle process should cost nothing more) and asks
 * it only while it holds itself, so it needs no locking.
 */
final class RestartWindow {

	private final RestartIntensity intensity;

	/** Restart times (System.nanoTime) within the window, oldest first. */
	private final long[] restarts;

	private int count;

	RestartWindow(RestartIntensity intensity) {
		this.intensity = intensity;
		this.restarts = new long[intensity.maxRestarts()];
	}

	/**
	 * Counts a restart now, if the window has room for one; {@code false}, with nothing counted, if
	 * the process restarted {@code maxRestarts} times within the window already (or may never).
	 */
	boolean allowRestart() {
		long now = System.nanoTime();
		long windowStart = now - this.intensity.window().toNanos();
		int kept = 0;
		for (int i = 0; i < this.count; i++) {
			if (this.restarts[i] - windowStart > 0) {
				this.restarts[kept++] = this.restarts[i];
			}
		}
		this.count = kept;
		if (kept >= this.restarts.length) {
			return false;
		}
		this.restarts[this.count++] = now;
		return true;
	}

	/** The restarts counted within the window when {@link #allowRestart()} last looked. */
	int restarts() {
		return this.count;
	}

	/** How far back restarts count. */
	Duration window() {
		return this.intensity.window();
	}

}
