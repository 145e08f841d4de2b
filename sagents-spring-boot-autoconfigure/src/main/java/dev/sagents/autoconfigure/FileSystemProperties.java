package dev.sagents.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import dev.sagents.filesystem.FileSystemSettings;

import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/** File systems: {@code sagents.filesystem.*}. */
public class FileSystemProperties {

	/** How long a written path waits for further writes before it is persisted. */
	private Duration persistDebounce = Duration.ofSeconds(5);

	/**
	 * Directory of the built-in disk persistence, one subdirectory per scope. A relative path
	 * is resolved against the working directory. Defaults to 'sagents-data/filesystems'.
	 */
	private Path baseDirectory = Path.of("sagents-data", "filesystems");

	/** The largest file a file system accepts. */
	private DataSize maxFileSize = DataSize.ofMegabytes(10);

	/** The longest path a file system accepts, in characters. */
	private int maxPathLength = 1024;

	/**
	 * How long a file-system request (each FileSystemRef method, and a call that names no
	 * timeout) waits for its answer.
	 */
	private Duration callTimeout = Duration.ofSeconds(30);

	/** How often a crashing file system is restarted. */
	@NestedConfigurationProperty
	private final RestartProperties restart = new RestartProperties();

	/** The persistence debounce. */
	public Duration getPersistDebounce() {
		return this.persistDebounce;
	}

	/** Sets the persistence debounce. */
	public void setPersistDebounce(Duration persistDebounce) {
		this.persistDebounce = persistDebounce;
	}

	/** The directory of the built-in disk persistence. */
	public Path getBaseDirectory() {
		return this.baseDirectory;
	}

	/** Sets the directory of the built-in disk persistence. */
	public void setBaseDirectory(Path baseDirectory) {
		this.baseDirectory = baseDirectory;
	}

	/** The largest file accepted. */
	public DataSize getMaxFileSize() {
		return this.maxFileSize;
	}

	/** Sets the largest file accepted. */
	public void setMaxFileSize(DataSize maxFileSize) {
		this.maxFileSize = maxFileSize;
	}

	/** The longest path accepted. */
	public int getMaxPathLength() {
		return this.maxPathLength;
	}

	/** Sets the longest path accepted. */
	public void setMaxPathLength(int maxPathLength) {
		this.maxPathLength = maxPathLength;
	}

	/** The file-system request timeout. */
	public Duration getCallTimeout() {
		return this.callTimeout;
	}

	/** Sets the file-system request timeout. */
	public void setCallTimeout(Duration callTimeout) {
		this.callTimeout = callTimeout;
	}

	/** The restart limit of file systems. */
	public RestartProperties getRestart() {
		return this.restart;
	}

	/** These settings as the file-system supervisor takes them. */
	public FileSystemSettings toSettings() {
		return new FileSystemSettings(this.persistDebounce, this.maxFileSize.toBytes(), this.maxPathLength,
				this.callTimeout, this.restart.toIntensity());
	}

}
