package dev.sagents.autoconfigure;

import java.util.concurrent.ExecutorService;

import dev.sagents.autoconfigure.RuntimeProperties.Threads;

/**
 * The executor an application's handlers run on by default ({@code sagents.runtime.threads=auto}),
 * for tests that build a runtime by hand: virtual threads on Java 21 and later, a fork-join pool
 * on Java 17. So the same tests exercise both when the build runs them on both JDKs.
 */
public final class HandlerExecutors {

	private HandlerExecutors() {
	}

	/** A new executor, as the auto-configuration makes it on a 2-core machine. */
	public static ExecutorService byDefault() {
		return SagentsExecutors.create(Threads.AUTO, 2);
	}

}
