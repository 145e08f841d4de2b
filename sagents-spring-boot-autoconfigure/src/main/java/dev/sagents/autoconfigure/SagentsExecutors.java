package dev.sagents.autoconfigure;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;

import dev.sagents.autoconfigure.RuntimeProperties.Threads;

/**
 * Builds the executor that runs process handlers, from {@code sagents.runtime.*}. The code is
 * compiled for Java 17, so virtual threads are reached through a method handle found at run time.
 */
final class SagentsExecutors {

	/** {@code Executors.newVirtualThreadPerTaskExecutor()}, or {@code null} before Java 21. */
	private static final MethodHandle NEW_VIRTUAL_THREAD_PER_TASK_EXECUTOR = findVirtualThreadPerTaskExecutor();

	private SagentsExecutors() {
	}

	/** Whether this JVM has virtual threads. */
	static boolean virtualThreadsAvailable() {
		return NEW_VIRTUAL_THREAD_PER_TASK_EXECUTOR != null;
	}

	/** The failure reported when {@code sagents.runtime.threads=virtual} on a JVM without virtual threads. */
	static InvalidSagentsPropertyException virtualThreadsUnavailable() {
		return new InvalidSagentsPropertyException("sagents.runtime.threads", "virtual", "auto or platform on this JVM (Java "
				+ java.lang.Runtime.version().feature() + "); virtual needs Java 21 or later");
	}

	/**
	 * A new executor: one virtual thread per task for {@code virtual}, and for {@code auto} when the
	 * JVM has them; otherwise an asynchronous-mode fork-join pool {@code parallelism} wide, which
	 * suits short message handlers that never join each other.
	 */
	static ExecutorService create(Threads threads, int parallelism) {
		boolean virtual = (threads == Threads.VIRTUAL) || (threads == Threads.AUTO && virtualThreadsAvailable());
		if (virtual) {
			return newVirtualThreadPerTaskExecutor();
		}
		return new ForkJoinPool(parallelism, ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, true);
	}

	private static ExecutorService newVirtualThreadPerTaskExecutor() {
		if (NEW_VIRTUAL_THREAD_PER_TASK_EXECUTOR == null) {
			throw virtualThreadsUnavailable();
		}
		try {
			return (ExecutorService) NEW_VIRTUAL_THREAD_PER_TASK_EXECUTOR.invokeExact();
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Could not create a virtual-thread executor", ex);
		}
	}

	private static MethodHandle findVirtualThreadPerTaskExecutor() {
		try {
			return MethodHandles.publicLookup()
				.findStatic(Executors.class, "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class));
		}
		catch (NoSuchMethodException | IllegalAccessException ex) {
			return null;
		}
	}

}
