package dev.sagents.autoconfigure;

import java.time.Duration;

import dev.sagents.supervisor.RestartIntensity;

/**
 * How often a crashing process is restarted: {@code sagents.agents.restart.*} and
 * {@code sagents.filesystem.restart.*}.
 */
public class RestartProperties {

	/** Restarts allowed within the window before the process is given up; 0 means never restart. */
	private int maxRestarts = 3;

	/** The sliding window in which restarts are counted. */
	private Duration window = Duration.ofSeconds(5);

	/** Restarts allowed within the window. */
	public int getMaxRestarts() {
		return this.maxRestarts;
	}

	/** Sets the restarts allowed within the window. */
	public void setMaxRestarts(int maxRestarts) {
		this.maxRestarts = maxRestarts;
	}

	/** The window restarts are counted in. */
	public Duration getWindow() {
		return this.window;
	}

	/** Sets the window restarts are counted in. */
	public void setWindow(Duration window) {
		this.window = window;
	}

	/** This limit as the supervisors take it. */
	public RestartIntensity toIntensity() {
		return new RestartIntensity(this.maxRestarts, this.window);
	}

}
