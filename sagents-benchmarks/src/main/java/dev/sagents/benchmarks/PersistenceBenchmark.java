package dev.sagents.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import dev.sagents.agent.AgentRef;
import dev.sagents.persistence.WriteMode;

/**
 * Persistence mode: sagents' JDBC store ({@code sagents.persistence.store=jdbc}) on one PostgreSQL
 * the benchmark starts itself ({@link PostgresDatabase}), under three members in three JVMs on
 * 127.0.0.1 (the horde mode's cluster, {@link HordeCluster}, on free ports and a cluster name of
 * its own), once per write mode. For each it prints, beside PostgreSQL's floor measured from the
 * same JVMs in the same cluster ({@link FloorLoad}: plain JDBC upserts at the same concurrency),
 * the state changes per second with {@code outstanding} calls over every agent and their ratio to
 * the floor; then a crash (SIGKILL) and a graceful stop (SIGTERM) of the member with most agents,
 * timed until each of its agents answers from another member with the count it stored last (a
 * call that reads the count, so the probe times the failover, not the store's write rate), every
 * answer checked against the counts acknowledged before ({@link CountLedger}).
 */
final class PersistenceBenchmark {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** How long the floor warms up, then is measured. */
	private static final Duration FLOOR_WARM_UP = Duration.ofSeconds(5);

	private static final Duration FLOOR_PERIOD = Duration.ofSeconds(10);

	/** The coalesced mode's delay: the library's default. */
	private static final Duration COALESCE_DELAY = Duration.ofMillis(100);

	private final int count;

	private final int outstanding;

	/** Where the figures go: stdout, which logging does not use (it goes to stderr). */
	private final PrintStream out = BenchmarkApplication.reserveStdout();

	/**
	 * @param count how many agents to start
	 * @param outstanding how many calls to keep outstanding, and how many floor workers to run
	 */
	PersistenceBenchmark(int count, int outstanding) {
		if (outstanding < 3 || count < 2 * outstanding) {
			throw new IllegalArgumentException("Needs 3 calls outstanding or more, and at least twice as many agents "
					+ "(each agent has one call outstanding at most); got " + count + " agents, " + outstanding);
		}
		this.count = count;
		this.outstanding = outstanding;
	}

	void run() throws Exception {
		try (PostgresDatabase postgres = PostgresDatabase.start(LoopbackPorts.block(1))) {
			FloorLoad.createTable(postgres.database(), this.count);
			this.out.printf("persistence mode: 3 members on 127.0.0.1, store=jdbc, %,d agents, %d outstanding; %s; "
					+ "java %s, %d cores; members -Xmx512m, common pool 2 wide%n", this.count, this.outstanding,
					postgres.describe(), Runtime.version(), Runtime.getRuntime().availableProcessors());
			for (WriteMode mode : WriteMode.values()) {
				measure(mode, postgres);
			}
		}
	}

	/** One cluster in {@code mode}, its own tables, on the database. */
	private void measure(WriteMode mode, PostgresDatabase postgres) throws Exception {
		FloorLoad.Database database = postgres.database();
		String name = mode.name().toLowerCase().replace('_', '-');
		List<String> properties = List.of("--sagents.horde.cluster-name=" + LoopbackPorts.clusterName("persistence"),
				"--sagents.horde.network.port-count=" + HordeCluster.JOIN_PORTS,
				"--sagents.persistence.store=jdbc", "--sagents.persistence.write-mode=" + name,
				"--sagents.persistence.coalesce-delay=" + COALESCE_DELAY.toMillis() + "ms",
				"--sagents.persistence.jdbc.initialize-schema=always",
				"--sagents.persistence.jdbc.table-prefix=" + mode.name() + "_",
				"--" + BenchmarkApplication.DATASOURCE_URL + "=" + database.url(),
				"--spring.datasource.username=" + database.user());
		List<String> jvmOptions = List.of("-Xmx512m", "-D" + HordeBenchmark.COMMON_POOL_PARALLELISM + "=2");
		try (HordeCluster cluster = new HordeCluster(jvmOptions, LoopbackPorts.block(HordeCluster.JOIN_PORTS),
				properties)) {
			cluster.start();
			BenchmarkAgents agents = new BenchmarkAgents(cluster.supervisor());
			long starting = agents.start("agent-", this.count);
			this.out.printf("%n%s: %,d agents started in %d ms (%,.0f /s, each claims its epoch); spread %s%n", name,
					this.count, starting / 1_000_000, this.count / (starting / 1e9), cluster.view().hostedPerNode());

			CountLedger ledger = new CountLedger();
			PostgresDatabase.Activity before = postgres.activity();
			long since = System.nanoTime();
			Measurements.Throughput changes = Measurements.throughput(agents.all(), this.outstanding,
					Duration.ofSeconds(10), HordeBenchmark.MAX_WARM_UP, Duration.ofSeconds(5),
					(agent) -> ledger.increment(agent, TIMEOUT));
			String activity = postgres.activity().since(before, System.nanoTime() - since);
			double floor = floor(cluster, postgres);
			this.out.printf("%s: state changes with %d calls outstanding over %,d agents: %,.0f /s = %.2f× the floor "
					+ "(%,d in %d ms after %.0f s of warm-up at %,.0f /s, %d failed; PostgreSQL meanwhile, warm-up "
					+ "included: %s)  [target %s]%n", name, this.outstanding, this.count, changes.perSecond(),
					changes.perSecond() / floor, changes.calls(), changes.nanos() / 1_000_000,
					changes.warmUpNanos() / 1e9, changes.warmUpPerSecond(), changes.failed(), activity,
					(mode == WriteMode.WRITE_THROUGH) ? "≥ 1× the floor" : "≥ 10× the floor");
			Measurements.Throughput reads = Measurements.throughput(agents.all(), this.outstanding,
					Duration.ofSeconds(3), HordeBenchmark.MAX_WARM_UP, Duration.ofSeconds(5),
					(agent) -> agent.call(Counter.GET, Long.class, TIMEOUT));
			this.out.printf("%s: calls that change no state (nothing stored), the same way: %,.0f /s = %.2f× the floor "
					+ "(%d failed): the call path's own ceiling%n", name, reads.perSecond(), reads.perSecond() / floor,
					reads.failed());
			this.out.printf("%s: %s%n", name, ledger.checks());

			Failover failover = new Failover(cluster, agents::get, this.count, this.out, ledger::read);
			failover(failover, ledger, name, "SIGKILL", MemberProcess::kill, Duration.ofMillis(250),
					(mode == WriteMode.WRITE_THROUGH) ? "target ≤ 1 s, no acknowledged change lost"
							: "target ≤ 1 s; coalesced loses up to " + COALESCE_DELAY.toMillis()
									+ " ms of changes plus one write");
			renew(agents, ledger, name, cluster);
			failover(failover, ledger, name, "graceful exit (SIGTERM)", MemberProcess::terminate,
					Duration.ofSeconds(1), "target ≤ 1 s, none dropped: no call failed, no change lost");
		}
	}

	/**
	 * Runs the floor in the three JVMs at once, a third of the workers each, and returns the rows
	 * upserted per second; prints it.
	 */
	private double floor(HordeCluster cluster, PostgresDatabase postgres) throws Exception {
		FloorLoad.Database database = postgres.database();
		List<MemberProcess> members = cluster.members();
		int jvms = members.size() + 1;
		List<FloorLoad.Share> shares = new ArrayList<>();
		for (int jvm = 0, first = 0; jvm < jvms; jvm++) {
			int workers = this.outstanding / jvms + ((jvm < this.outstanding % jvms) ? 1 : 0);
			shares.add(new FloorLoad.Share(first, workers, this.outstanding, this.count, FLOOR_WARM_UP, FLOOR_PERIOD));
			first += workers;
		}
		for (int i = 0; i < members.size(); i++) {
			members.get(i).send(shares.get(i + 1).command());
		}
		PostgresDatabase.Activity before = postgres.activity();
		long since = System.nanoTime();
		long rows = FloorLoad.run(database, shares.get(0));
		for (MemberProcess member : members) {
			rows += Long.parseLong(member.awaitAnswer(FloorLoad.COMMAND, Await.AT_MOST));
		}
		String activity = postgres.activity().since(before, System.nanoTime() - since);
		double perSecond = rows / (FLOOR_PERIOD.toNanos() / 1e9);
		this.out.printf("PostgreSQL's floor from the same JVMs: %,.0f upserts/s (%d connections, one upsert of a "
				+ "state row per transaction each, %d / %d / %d per JVM, over %,d rows; %,d in %d s after %d s of "
				+ "warm-up; PostgreSQL meanwhile, warm-up included: %s)%n", perSecond, this.outstanding,
				shares.get(0).workers(), shares.get(1).workers(), shares.get(2).workers(), this.count, rows,
				FLOOR_PERIOD.toSeconds(), FLOOR_WARM_UP.toSeconds(), activity);
		return perSecond;
	}

	/** One failover, then what the answers said about the counts acknowledged before it. */
	private void failover(Failover failover, CountLedger ledger, String name, String what,
			Failover.MemberDisruption disruption, Duration callTimeout, String target) throws Exception {
		CountLedger.Checks before = ledger.checks();
		this.out.printf("%s: ", name);
		failover.measure(what, disruption, callTimeout, Duration.ofSeconds(30), target);
		this.out.printf("  answers of the moved agents: %s%n", ledger.checks().since(before));
	}

	/**
	 * As the horde mode does before its second failover: every agent stopped (its state stored) and
	 * as many new ones started, a third on each member (the replacement too), then 10 s of
	 * increments so that the replacement JVM compiled its paths.
	 */
	private void renew(BenchmarkAgents agents, CountLedger ledger, String name, HordeCluster cluster)
			throws InterruptedException {
		int stopped = agents.stopAll();
		agents.start("renewed-", this.count);
		List<AgentRef> all = agents.all();
		LongAdder failed = new LongAdder();
		long calls = Measurements.withOutstanding(all, this.outstanding, Duration.ofSeconds(10), failed,
				(agent) -> ledger.increment(agent, TIMEOUT));
		this.out.printf("%s: agents renewed for the next failover: %,d stopped, %,d started; spread %s; then %,d "
				+ "increments, %d failed%n", name, stopped, agents.size(), cluster.view().hostedPerNode(), calls,
				failed.sum());
	}

}
