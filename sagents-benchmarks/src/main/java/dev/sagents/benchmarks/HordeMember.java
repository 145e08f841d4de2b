package dev.sagents.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ForkJoinPool;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code horde-member} mode: one more member of the horde benchmark's cluster, in its own JVM,
 * driven by {@link HordeBenchmark} through stdin and stdout ({@link MemberProcess} is the other
 * end). It prints {@code ready <node> <common pool parallelism>} once its supervisor runs, answers
 * {@code heap} with {@code heap <bytes used after GC>}, and stops gracefully (its agents handed off)
 * on {@code exit} or when stdin closes, so it never outlives the driver.
 */
final class HordeMember {

	private HordeMember() {
	}

	/** {@code properties}: the {@code --name=value} arguments {@link HordeCluster#memberProperties} gives. */
	static void run(String[] properties) throws Exception {
		// stdout carries the protocol only: logging goes to stderr, which the driver inherits.
		PrintStream protocol = BenchmarkApplication.reserveStdout();
		ConfigurableApplicationContext context = BenchmarkApplication.start(properties);
		answerDriver(protocol, context.getEnvironment().getProperty("sagents.node-name"));
		context.close();
		System.exit(0);
	}

	/**
	 * Tells the driver that member {@code node} is ready, then answers its commands on
	 * {@code protocol} until it says {@code exit} or closes stdin.
	 */
	static void answerDriver(PrintStream protocol, String node) throws IOException, InterruptedException {
		protocol.println("ready " + node + " " + ForkJoinPool.getCommonPoolParallelism());
		protocol.flush();
		BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		for (String command = commands.readLine(); command != null && !command.equals("exit"); command = commands
			.readLine()) {
			if (command.equals("heap")) {
				protocol.println("heap " + Measurements.usedHeapAfterGc());
				protocol.flush();
			}
		}
	}

}
