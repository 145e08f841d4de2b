package dev.sagents.filesystem;

import java.time.Duration;

import dev.sagents.process.Arguments;
import dev.sagents.supervisor.RestartIntensity;

/**
 * How file systems behave, from {@code sagents.filesystem.*}.
 *
 * @param persistDebounce how long a written path waits for further writes before it is persisted
 * @param maxFileSize the largest file accepted, in bytes
 * @param maxPathLength the longest path accepted, in characters
 * @param callTimeout how long a file-system request may wait for its answer
 * @param restartIntensity how often a crashing file system is restarted
 */
public record FileSystemSettings(Duration persistDebounce, long maxFileSize, int maxPathLength, Duration callTimeout,
		RestartIntensity restartIntensity) {

	public FileSystemSettings {
		Arguments.notNull(persistDebounce, "persistDebounce");
		Arguments.notNull(callTimeout, "callTimeout");
		Arguments.notNull(restartIntensity, "restartIntensity");
	}

	/** The defaults: 5 s debounce, 10 MiB files, 1024-character paths, 30 s requests, 3 restarts in 5 s. */
	public static FileSystemSettings defaults() {
		return new FileSystemSettings(Duration.ofSeconds(5), 10L * 1024 * 1024, 1024, Duration.ofSeconds(30),
				RestartIntensity.defaults());
	}

}
