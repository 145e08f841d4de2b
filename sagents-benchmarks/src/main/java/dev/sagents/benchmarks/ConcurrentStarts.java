package dev.sagents.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Starts from every JVM of a cluster at once, {@value BenchmarkAgents#CALLERS} callers in each, as
 * the web tiers of three nodes do: the driver sends each member {@code starts <prefix> <count>}
 * ({@link #command}, answered with the nanoseconds its share took and how many starts failed) and
 * starts its own share
 * meanwhile. What one start is, is the caller's: sagents' start and first call, Pekko's first
 * message to a fresh entity.
 */
final class ConcurrentStarts {

	/** The member command: {@code starts <prefix> <count>}, each start followed by a first call. */
	static final String COMMAND = "starts";

	/** The member command: {@code starts-only <prefix> <count>}, each a start alone. */
	static final String STARTS_ONLY = "starts-only";

	/**
	 * The member command: {@code puts <prefix> <count>}, each a Hazelcast {@code putIfAbsent} of a
	 * fresh key, the registration no start can skip.
	 */
	static final String PUTS = "puts";

	private ConcurrentStarts() {
	}

	/** The member's side of {@link #COMMAND}, each start made by {@code start}. */
	static HordeMember.Command command(Consumer<String> start) {
		return (arguments) -> {
			LongAdder failed = new LongAdder();
			long nanos = time(ids(arguments[0], Integer.parseInt(arguments[1])), start, failed);
			return nanos + " " + failed.sum();
		};
	}

	/**
	 * Starts {@code count} agents named {@code prefix<jvm>-<n>}, a share from each of the driver
	 * (with {@code driverStart}) and {@code members}, all at once; returns the ids and how long the
	 * last share took, in nanoseconds, from when the driver sent the commands, and how many failed.
	 */
	static Result fromEveryJvm(List<MemberProcess> members, Consumer<String> driverStart, String prefix, int count)
			throws InterruptedException {
		return fromEveryJvm(members, COMMAND, driverStart, prefix, count);
	}

	/**
	 * As {@link #fromEveryJvm(List, Consumer, String, int)}, the members making their share with
	 * member command {@code command} and the driver with {@code driverStart}.
	 */
	static Result fromEveryJvm(List<MemberProcess> members, String command, Consumer<String> driverStart,
			String prefix, int count) throws InterruptedException {
		int jvms = members.size() + 1;
		long start = System.nanoTime();
		for (int member = 0; member < members.size(); member++) {
			int jvm = member + 1;
			members.get(member)
				.send(String.join(" ", command, prefix + jvm + "-", Integer.toString(share(count, jvms, jvm))));
		}
		LongAdder failed = new LongAdder();
		time(ids(prefix + "0-", share(count, jvms, 0)), driverStart, failed);
		for (MemberProcess member : members) {
			failed.add(Long.parseLong(member.awaitAnswer(command, Duration.ofMinutes(5)).split(" ")[1]));
		}
		long elapsed = System.nanoTime() - start;
		List<String> all = IntStream.range(0, jvms)
			.boxed()
			.flatMap((jvm) -> ids(prefix + jvm + "-", share(count, jvms, jvm)).stream())
			.toList();
		return new Result(all, elapsed, failed.sum());
	}

	private static int share(int count, int jvms, int jvm) {
		return count / jvms + ((jvm < count % jvms) ? 1 : 0);
	}

	private static List<String> ids(String prefix, int count) {
		return IntStream.range(0, count).mapToObj((i) -> prefix + i).toList();
	}

	/** Starts {@code ids}; counts in {@code failed} those whose start threw (each printed to stderr). */
	private static long time(List<String> ids, Consumer<String> start, LongAdder failed) throws InterruptedException {
		long started = System.nanoTime();
		BenchmarkAgents.inParallel(ids, (id) -> {
			try {
				start.accept(id);
			}
			catch (RuntimeException ex) {
				failed.increment();
				System.err.println("Start of " + id + " failed: " + ex);
			}
		});
		return System.nanoTime() - started;
	}

	/** The ids started, how long it took from the driver's view, and how many starts failed. */
	record Result(List<String> ids, long nanos, long failed) {

		double perSecond() {
			return this.ids.size() / (this.nanos / 1e9);
		}

	}

}
