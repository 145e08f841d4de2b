package dev.sagents.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import dev.sagents.agent.AgentRef;

/** What the benchmarks measure with: percentiles of samples and the used heap after garbage collection. */
final class Measurements {

	/** How long each step of a throughput warm-up past its minimum lasts. */
	private static final Duration WARM_UP_WINDOW = Duration.ofSeconds(2);

	/**
	 * A throughput warm-up goes on while each window's rate is above the one before by this factor:
	 * after 10 s of warm-up the rate still rose by up to 40 % over the next 30 s in runs here (three
	 * JVMs, whose JIT compilers share two cores).
	 */
	private static final double STILL_RISING = 1.05;

	private Measurements() {
	}

	/** The {@code percent}th percentile of {@code samples} (nanoseconds in, microseconds out). */
	static double percentileMicros(long[] samples, int percent) {
		long[] sorted = samples.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1e3;
	}

	/** {@code "p50 x µs, p99 y µs"} of samples in nanoseconds. */
	static String p50p99(long[] samples) {
		return String.format("p50 %.1f µs, p99 %.1f µs", percentileMicros(samples, 50), percentileMicros(samples, 99));
	}

	/**
	 * Times {@code calls} round trips over {@code targets} in turn, each of {@code ways}, twice, the
	 * first time as warm-up; returns the samples of each way, in nanoseconds, in the order of
	 * {@code ways}. The ways take turns call by call, each going first as often as the others: timed
	 * one loop after the other, whichever loop ran first measured slower at p50 (by 1–217 µs in four
	 * runs here), so a gap told the order, not the way.
	 */
	static <T> List<long[]> inTurns(List<T> targets, int calls, List<RoundTrip<T>> ways) {
		List<long[]> samples = ways.stream().map((way) -> new long[calls]).toList();
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < calls; i++) {
				T target = targets.get(i % targets.size());
				for (int turn = 0; turn < ways.size(); turn++) {
					int way = (i + turn) % ways.size();
					long start = System.nanoTime();
					ways.get(way).make(target);
					samples.get(way)[i] = System.nanoTime() - start;
				}
			}
		}
		return samples;
	}

	/**
	 * Makes a round trip to each of {@code targets} in turn with {@code outstanding} outstanding
	 * for {@code period}, until all completed, and returns how many completed; counts failed ones
	 * in {@code failed}.
	 */
	static <T> long withOutstanding(List<T> targets, int outstanding, Duration period, LongAdder failed,
			Function<T, CompletionStage<?>> roundTrip) throws InterruptedException {
		Semaphore window = new Semaphore(outstanding);
		LongAdder done = new LongAdder();
		long end = System.nanoTime() + period.toNanos();
		for (int i = 0; System.nanoTime() - end < 0; i++) {
			window.acquire();
			roundTrip.apply(targets.get(i % targets.size())).whenComplete((result, error) -> {
				if (error != null) {
					failed.increment();
				}
				done.increment();
				window.release();
			});
		}
		window.acquire(outstanding);
		return done.sum();
	}

	/**
	 * Keeps round trips to {@code targets} {@code outstanding} at a time until their rate is steady,
	 * then for {@code period}, the one measured. The warm-up lasts {@code warmUp} at least, then goes
	 * on in windows of {@link #WARM_UP_WINDOW} for as long as each window's rate is more than
	 * {@link #STILL_RISING} above the one before, up to {@code maxWarmUp}.
	 */
	static <T> Throughput throughput(List<T> targets, int outstanding, Duration warmUp, Duration maxWarmUp,
			Duration period, Function<T, CompletionStage<?>> roundTrip) throws InterruptedException {
		LongAdder failed = new LongAdder();
		long start = System.nanoTime();
		long warmUpCalls = withOutstanding(targets, outstanding, warmUp, failed, roundTrip);
		double previousRate = warmUpCalls / ((System.nanoTime() - start) / 1e9);
		while (System.nanoTime() - start < maxWarmUp.toNanos()) {
			long windowStart = System.nanoTime();
			long windowCalls = withOutstanding(targets, outstanding, WARM_UP_WINDOW, failed, roundTrip);
			double rate = windowCalls / ((System.nanoTime() - windowStart) / 1e9);
			warmUpCalls += windowCalls;
			if (rate <= previousRate * STILL_RISING) {
				break;
			}
			previousRate = rate;
		}
		long warmUpEnd = System.nanoTime();
		long calls = withOutstanding(targets, outstanding, period, failed, roundTrip);
		return new Throughput(warmUpCalls, warmUpEnd - start, calls, System.nanoTime() - warmUpEnd, failed.sum());
	}

	/** A round trip with {@code callAndWait}. */
	static RoundTrip<AgentRef> callAndWait(Duration timeout) {
		return (agent) -> agent.callAndWait(Counter.GET, Long.class, timeout);
	}

	/** A round trip with {@code call().join()}. */
	static RoundTrip<AgentRef> callJoin(Duration timeout) {
		return (agent) -> agent.call(Counter.GET, Long.class, timeout).join();
	}

	/** The heap this JVM uses once garbage was collected (a few collections, to let finalizers and references settle). */
	static long usedHeapAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/**
	 * What {@link #throughput} measured: round trips completed during the warm-up and during the
	 * measured period, how long each took, and how many failed in both.
	 */
	record Throughput(long warmUpCalls, long warmUpNanos, long calls, long nanos, long failed) {

		double perSecond() {
			return this.calls / (this.nanos / 1e9);
		}

		double warmUpPerSecond() {
			return this.warmUpCalls / (this.warmUpNanos / 1e9);
		}

	}

	/** One round trip to a target (an agent, or the member that hosts it), made by the calling thread. */
	@FunctionalInterface
	interface RoundTrip<T> {

		void make(T target);

	}

}
