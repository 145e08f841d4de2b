package dev.sagents.autoconfigure;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;

import dev.sagents.autoconfigure.RuntimeProperties.Threads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Which threads run handlers for each {@code sagents.runtime.threads} value. */
class SagentsExecutorsTests {

	@Test
	void platformIsAForkJoinPoolOfTheGivenWidth() {
		ExecutorService executor = SagentsExecutors.create(Threads.PLATFORM, 3);
		try {
			assertThat(executor).isInstanceOfSatisfying(ForkJoinPool.class,
					(pool) -> assertThat(pool.getParallelism()).isEqualTo(3));
			assertThat(isVirtual(executor)).isFalse();
		}
		finally {
			executor.shutdown();
		}
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void autoFallsBackToPlatformThreadsBeforeJava21() {
		ExecutorService executor = SagentsExecutors.create(Threads.AUTO, 2);
		try {
			assertThat(SagentsExecutors.virtualThreadsAvailable()).isFalse();
			assertThat(executor).isInstanceOf(ForkJoinPool.class);
		}
		finally {
			executor.shutdown();
		}
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void virtualFailsBeforeJava21() {
		assertThatExceptionOfType(InvalidSagentsPropertyException.class)
			.isThrownBy(() -> SagentsExecutors.create(Threads.VIRTUAL, 2))
			.satisfies((ex) -> assertThat(ex.property()).isEqualTo("sagents.runtime.threads"));
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void autoAndVirtualRunHandlersOnVirtualThreadsFromJava21() {
		for (Threads threads : new Threads[] { Threads.AUTO, Threads.VIRTUAL }) {
			ExecutorService executor = SagentsExecutors.create(threads, 2);
			try {
				assertThat(isVirtual(executor)).as(threads.name()).isTrue();
			}
			finally {
				executor.shutdown();
			}
		}
	}

	/** Asks the thread that runs a task, through reflection since this code compiles for Java 17. */
	private static boolean isVirtual(ExecutorService executor) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return (Boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
			}
			catch (NoSuchMethodException ex) {
				return false;
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}, executor).join();
	}

}
