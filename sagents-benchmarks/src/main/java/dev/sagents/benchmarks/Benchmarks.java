package dev.sagents.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark command. Prints figures; it is not a test and asserts nothing.
 * <ul>
 * <li>{@code local [agents]}: local mode in this JVM ({@link LocalBenchmark}).</li>
 * <li>{@code observations [agents]}: what observing calls and casts costs in local mode, a node
 * observed beside one that is not, in this JVM ({@link ObservationsBenchmark}); default 1,000
 * agents.</li>
 * <li>{@code horde [agents] [common-pool]}: a three-member cluster of JVMs on 127.0.0.1
 * ({@link HordeBenchmark}). {@code common-pool} is {@code 2} (the default: every JVM runs with
 * {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=2}) or {@code jvm} (the JVM's own
 * parallelism, 1 on 2 cores), to see what the property is worth.</li>
 * <li>{@code persistence [agents] [outstanding]}: the JDBC store on a PostgreSQL this command
 * starts, under a three-member cluster of JVMs on 127.0.0.1, in each write mode, beside
 * PostgreSQL's floor measured from the same JVMs ({@link PersistenceBenchmark}); default 10,000
 * agents and 64 calls outstanding.</li>
 * <li>{@code hazelcast [rounds]}: Hazelcast alone, in the same shape as the horde mode, to measure
 * the floor of its remote calls on the machine at hand ({@link HazelcastAloneBenchmark}); default
 * three rounds.</li>
 * <li>{@code horde-vs-pekko [agents]}: the same workloads on the horde mode's cluster and on Apache
 * Pekko Cluster Sharding, three JVMs on 127.0.0.1 each, one after the other; one table, sagents
 * beside Pekko ({@link SideBySide}); default 10,000 agents.</li>
 * <li>{@code concurrent-starts [agents] [rounds]}: agent starts from all three JVMs of the horde
 * cluster at once beside Hazelcast's {@code putIfAbsent} from the same JVMs with as many in flight,
 * in turns ({@link ConcurrentStartsBenchmark}); default 10,000 agents a round, three rounds.</li>
 * <li>{@code scale-local [counts]}: idle agents in one local-mode JVM at each count, comma-separated
 * (default {@code 10000,100000,1000000}; run with {@code -Xmx1g}), beside a map's floor
 * ({@link LocalScale}).</li>
 * <li>{@code scale-horde [counts]}: the three-JVM horde cluster at each count (default
 * {@code 10000,100000}; run with {@code -Xmx3g}): heap, starts, SIGKILL and graceful exit
 * ({@link HordeScale}).</li>
 * <li>{@code soak [seconds]}: local mode overloaded ten times over, on one agent and on 1,000, for
 * the given seconds (default 60), beside the idle node ({@link SoakBenchmark}).</li>
 * <li>{@code rebalance [agents]}: active rebalancing on the horde mode's three JVMs: the agents
 * start on two members, a third joins; the time until balanced and the calls failed meanwhile,
 * beside the graceful handoff of as many agents ({@link RebalanceBenchmark}); default 10,000
 * agents.</li>
 * <li>{@code horde-member <properties>}, {@code hazelcast-member <node> <port> <join members>} and
 * {@code pekko-member <node> <system> <port> <seed port>}: the members the horde, hazelcast and
 * horde-vs-pekko modes launch ({@link HordeMember}, {@link HazelcastMember}, {@link PekkoMember});
 * not for use by hand.</li>
 * </ul>
 */
public final class Benchmarks {

	private static final String USAGE = "usage: sagents-benchmarks local [agents] | observations [agents] "
			+ "| horde [agents] [2|jvm] | persistence [agents] [outstanding] | hazelcast [rounds] | horde-vs-pekko [agents] "
			+ "| concurrent-starts [agents] [rounds] "
			+ "| scale-local [count,...] | scale-horde [count,...] | soak [seconds] | rebalance [agents]";

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		String mode = (args.length > 0) ? args[0] : "local";
		switch (mode) {
			case "local" -> new LocalBenchmark((args.length > 1) ? Integer.parseInt(args[1]) : 100_000).run();
			case "observations" -> new ObservationsBenchmark((args.length > 1) ? Integer.parseInt(args[1]) : 1_000).run();
			case "horde" -> {
				String commonPool = (args.length > 2) ? args[2] : "2";
				if (!commonPool.equals("2") && !commonPool.equals("jvm")) {
					usage();
				}
				boolean commonPoolSet = commonPool.equals("2");
				if (commonPoolSet) {
					// Before anything creates the common pool, which reads the property once.
					System.setProperty(HordeBenchmark.COMMON_POOL_PARALLELISM, "2");
				}
				new HordeBenchmark((args.length > 1) ? Integer.parseInt(args[1]) : 10_000, commonPoolSet).run();
			}
			case "persistence" -> {
				System.setProperty(HordeBenchmark.COMMON_POOL_PARALLELISM, "2");
				new PersistenceBenchmark((args.length > 1) ? Integer.parseInt(args[1]) : 10_000,
						(args.length > 2) ? Integer.parseInt(args[2]) : 64)
					.run();
			}
			case "hazelcast" -> {
				System.setProperty(HordeBenchmark.COMMON_POOL_PARALLELISM, "2");
				new HazelcastAloneBenchmark((args.length > 1) ? Integer.parseInt(args[1]) : 3).run();
			}
			case "horde-vs-pekko" -> {
				System.setProperty(HordeBenchmark.COMMON_POOL_PARALLELISM, "2");
				new SideBySide((args.length > 1) ? Integer.parseInt(args[1]) : 10_000).run();
			}
			case "concurrent-starts" -> {
				System.setProperty(HordeBenchmark.COMMON_POOL_PARALLELISM, "2");
				new ConcurrentStartsBenchmark((args.length > 1) ? Integer.parseInt(args[1]) : 10_000,
						(args.length > 2) ? Integer.parseInt(args[2]) : 3)
					.run();
			}
			case "scale-local" -> new LocalScale(counts(args, "10000,100000,1000000")).run();
			case "scale-horde" -> {
				System.setProperty(HordeBenchmark.COMMON_POOL_PARALLELISM, "2");
				new HordeScale(counts(args, "10000,100000")).run();
			}
			case "soak" -> new SoakBenchmark(Duration.ofSeconds((args.length > 1) ? Integer.parseInt(args[1]) : 60)).run();
			case "rebalance" -> {
				System.setProperty(HordeBenchmark.COMMON_POOL_PARALLELISM, "2");
				new RebalanceBenchmark((args.length > 1) ? Integer.parseInt(args[1]) : 10_000).run();
			}
			case "horde-member" -> HordeMember.run(Arrays.copyOfRange(args, 1, args.length));
			case "hazelcast-member" -> HazelcastMember.run(Arrays.copyOfRange(args, 1, args.length));
			case "pekko-member" -> PekkoMember.run(Arrays.copyOfRange(args, 1, args.length));
			default -> usage();
		}
	}

	/** The comma-separated counts of the second argument, or {@code defaults}. */
	private static List<Integer> counts(String[] args, String defaults) {
		return Arrays.stream(((args.length > 1) ? args[1] : defaults).split(",")).map(Integer::parseInt).toList();
	}

	private static void usage() {
		System.err.println(USAGE);
		System.exit(2);
	}

}
