package dev.sagents.actuate;

import java.util.Optional;

import dev.sagents.cluster.ClusterView;
import dev.sagents.cluster.NodeDrain;
import dev.sagents.registry.ProcessRegistry;
import dev.sagents.supervisor.ProcessFailureLog;

/** The {@code sagents} endpoint for tests that read its main page only: it finds no agent and drains nothing. */
public final class ReadingEndpoints {

	private ReadingEndpoints() {
	}

	public static SagentsEndpoint over(ClusterView view, ProcessRegistry registry, ProcessFailureLog failures) {
		return new SagentsEndpoint(view, registry, failures,
				new AgentOperations((id) -> Optional.empty(), null, failures), new FileSystemOperations(null, "none"),
				new NodeOperations(view, NodeDrain.LOCAL, (event) -> {
				}));
	}

}
