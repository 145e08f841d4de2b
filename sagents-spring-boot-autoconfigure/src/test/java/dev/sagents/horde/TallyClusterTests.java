package dev.sagents.horde;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;

import dev.sagents.agent.AgentSettings;

/**
 * The base of tests that each start their own cluster of real Hazelcast members in this JVM, on free
 * ports of 127.0.0.1 and a cluster name of their own, hosting {@link Tally} agents; the cluster is
 * closed after each test.
 */
abstract class TallyClusterTests {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	static final Duration GENEROUS = Duration.ofSeconds(60);

	@TempDir
	Path fileSystems;

	@AutoClose
	HordeTestCluster cluster;

	/** Starts {@code nodes} members, n1 and on, with a request timeout of 15 s; answers n1. */
	HordeTestNode startCluster(String name, int nodes, AgentSettings settings) {
		return startCluster(name, nodes, settings, Duration.ofSeconds(15));
	}

	/**
	 * Starts {@code nodes} members, n1 and on, whose requests between members may take
	 * {@code requestTimeout}, and waits until each sees every one as a host; answers n1.
	 */
	HordeTestNode startCluster(String name, int nodes, AgentSettings settings, Duration requestTimeout) {
		this.cluster = HordeTestCluster.ofTallies("horde-test-" + name, this.fileSystems, settings)
			.requestTimeout(requestTimeout);
		for (int i = 1; i <= nodes; i++) {
			this.cluster.start("n" + i);
		}
		this.cluster.awaitAllHosting();
		return node(0);
	}

	/** The node started {@code index}th, from 0. */
	HordeTestNode node(int index) {
		return this.cluster.nodes.get(index);
	}

}
