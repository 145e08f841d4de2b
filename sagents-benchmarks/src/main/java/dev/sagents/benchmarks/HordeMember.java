package dev.sagents.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.map.IMap;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;

/**
 * The {@code horde-member} mode: one more member of the horde and persistence benchmarks' cluster,
 * in its own JVM, driven by {@link HordeBenchmark} or {@link PersistenceBenchmark} through stdin
 * and stdout ({@link MemberProcess} is the other end). It prints
 * {@code ready <node> <common pool parallelism>} once its supervisor runs, answers {@code heap} with
 * {@code heap <bytes used after GC>}, with a database {@code floor <share>} with
 * {@code floor <rows upserted>} ({@link FloorLoad}), {@code starts <prefix> <count>} with the
 * nanoseconds those starts took ({@link ConcurrentStarts}; {@code starts-only} and {@code puts} the same
 * for starts alone and for {@code putIfAbsent}s), and stops gracefully (its agents handed off) on
 * {@code exit}, on SIGTERM or when stdin closes, so it never outlives the driver.
 */
final class HordeMember {

	private HordeMember() {
	}

	/** {@code properties}: the {@code --name=value} arguments {@link HordeCluster#memberProperties} gives. */
	static void run(String[] properties) throws Exception {
		// stdout carries the protocol only: logging goes to stderr, which the driver inherits.
		PrintStream protocol = BenchmarkApplication.reserveStdout();
		ConfigurableApplicationContext context = BenchmarkApplication.start(properties);
		Environment environment = context.getEnvironment();
		AgentsSupervisor supervisor = context.getBean(AgentsSupervisor.class);
		IMap<String, String> floor = Hazelcast
			.getHazelcastInstanceByName(HazelcastRoundTrip.INSTANCE_NAME_PREFIX + environment.getProperty("sagents.node-name"))
			.getMap(ConcurrentStartsBenchmark.FLOOR_MAP);
		Map<String, Command> commands = new HashMap<>(Map.of(ConcurrentStarts.COMMAND,
				ConcurrentStarts.command((id) -> SagentsCompared.firstAnswer(supervisor, id)),
				ConcurrentStarts.STARTS_ONLY, ConcurrentStarts.command((id) -> supervisor.startAgent(AgentSpec.of(id))),
				ConcurrentStarts.PUTS, ConcurrentStarts.command((id) -> floor.putIfAbsent(id, id))));
		if (environment.getProperty(BenchmarkApplication.DATASOURCE_URL) != null) {
			commands.put(FloorLoad.COMMAND, FloorLoad.command(FloorLoad.Database.of(environment)));
		}
		answerDriver(protocol, environment.getProperty("sagents.node-name"), commands);
		context.close();
		System.exit(0);
	}

	/**
	 * Tells the driver that member {@code node} is ready, then answers its commands on
	 * {@code protocol} until it says {@code exit} or closes stdin: {@code heap}, and those of
	 * {@code commands} by their first word.
	 */
	static void answerDriver(PrintStream protocol, String node, Map<String, Command> commands) throws Exception {
		protocol.println("ready " + node + " " + ForkJoinPool.getCommonPoolParallelism());
		protocol.flush();
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		for (String line = in.readLine(); line != null && !line.equals("exit"); line = in.readLine()) {
			String[] words = line.split(" ");
			if (words[0].equals("heap")) {
				protocol.println("heap " + Measurements.usedHeapAfterGc());
			}
			else if (commands.containsKey(words[0])) {
				protocol.println(words[0] + " " + commands.get(words[0]).answer(Arrays.copyOfRange(words, 1, words.length)));
			}
			protocol.flush();
		}
	}

	/** A command of the driver's beyond {@code heap}: its arguments in, the answer out. */
	@FunctionalInterface
	interface Command {

		String answer(String[] arguments) throws Exception;

	}

}
