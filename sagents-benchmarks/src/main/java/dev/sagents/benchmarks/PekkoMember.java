package dev.sagents.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code pekko-member} mode: one more node of the Pekko mode's cluster, in its own JVM, driven
 * by {@link PekkoCluster} through stdin and stdout as a horde member is ({@link HordeMember#answerDriver}):
 * {@code ready}, {@code heap}, {@code starts} ({@link ConcurrentStarts}) and {@code exit}, on which
 * (or when stdin closes) it leaves gracefully through Pekko's coordinated shutdown.
 */
final class PekkoMember {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private PekkoMember() {
	}

	/** {@code arguments}: node name, actor system name, port, seed node's port. */
	static void run(String[] arguments) throws Exception {
		PrintStream protocol = BenchmarkApplication.reserveStdout();
		String node = arguments[0];
		PekkoNode pekko = PekkoNode.start(node, arguments[1], Integer.parseInt(arguments[2]),
				Integer.parseInt(arguments[3]));
		Await.until(pekko::up, () -> "Pekko node " + node + " did not join the cluster");
		HordeMember.answerDriver(protocol, node, Map.of(ConcurrentStarts.COMMAND,
				ConcurrentStarts.command((id) -> pekko.where(id, TIMEOUT).toCompletableFuture().join())));
		pekko.close();
		System.exit(0);
	}

}
