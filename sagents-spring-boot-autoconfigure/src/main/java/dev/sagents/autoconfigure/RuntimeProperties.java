package dev.sagents.autoconfigure;

/** The threads that run process handlers: {@code sagents.runtime.*}. */
public class RuntimeProperties {

	/**
	 * Which threads run process handlers: 'auto' (virtual threads when the JVM has them, Java
	 * 21+, else a fork-join pool of platform threads), 'virtual' (Java 21+ only) or 'platform'
	 * (a fork-join pool).
	 */
	private Threads threads = Threads.AUTO;

	/** Size of the platform-thread pool. Defaults to the number of available processors. */
	private Integer parallelism;

	/** Which threads run handlers. */
	public Threads getThreads() {
		return this.threads;
	}

	/** Sets which threads run handlers. */
	public void setThreads(Threads threads) {
		this.threads = threads;
	}

	/** The platform pool size, or {@code null} for the number of available processors. */
	public Integer getParallelism() {
		return this.parallelism;
	}

	/** Sets the platform pool size. */
	public void setParallelism(Integer parallelism) {
		this.parallelism = parallelism;
	}

	/** The platform pool size to use. */
	public int effectiveParallelism() {
		return (this.parallelism != null) ? this.parallelism : Runtime.getRuntime().availableProcessors();
	}

	/** Which threads run process handlers. */
	public enum Threads {

		/** Virtual threads when the JVM has them (Java 21+), else platform threads. */
		AUTO,

		/** Virtual threads; startup fails on a JVM without them. */
		VIRTUAL,

		/** A fork-join pool of platform threads, {@code sagents.runtime.parallelism} wide. */
		PLATFORM

	}

}
