package dev.sagents.benchmarks;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The horde-vs-pekko mode's Pekko cluster forms and its entities answer across nodes: two nodes in
 * this JVM on free loopback ports, with an actor system name of their own. No timing is asserted.
 */
class PekkoNodeTests {

	@Test
	void twoNodesFormAClusterAndEntitiesAnswerFromEitherNode() throws Exception {
		String system = LoopbackPorts.clusterName("pekko-node-test");
		int port = LoopbackPorts.block(2);
		try (PekkoNode seed = PekkoNode.start("driver", system, port, port);
				PekkoNode member = PekkoNode.start("member-1", system, port + 1, port)) {
			Await.until(() -> seed.upMembers() == 2 && member.upMembers() == 2,
					() -> "The two Pekko nodes did not form a cluster");

			Set<String> nodes = IntStream.range(0, 40)
				.mapToObj((i) -> seed.where("entity-" + i, Duration.ofSeconds(10)).toCompletableFuture().join())
				.collect(Collectors.toSet());

			assertThat(nodes).containsExactlyInAnyOrder("driver", "member-1");
		}
	}

}
