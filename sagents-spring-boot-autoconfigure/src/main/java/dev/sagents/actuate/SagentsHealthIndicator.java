package dev.sagents.actuate;

import java.util.Locale;

import dev.sagents.cluster.ClusterView;
import dev.sagents.registry.ProcessRegistry;
import dev.sagents.registry.RegistryState;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code sagents} health contributor: whether this node can serve sagents requests now.
 * <ul>
 * <li>{@code UP} when the registry runs and the cluster view is consistent;</li>
 * <li>{@code OUT_OF_SERVICE} while the registry is starting, draining or stopped: requests would
 * fail with {@code RegistryUnavailableException}, so traffic should go elsewhere;</li>
 * <li>{@code DOWN} when the registry runs but the member sets disagree;</li>
 * <li>{@code UP} with {@code hosting: false} on a node that deliberately runs no sagents supervisor
 * ({@code sagents.supervisor.enabled=false} or a gated supervisor bean): it hosts nothing by design,
 * which is no fault, and marking it down would take the rest of the application out of service.</li>
 * </ul>
 * Details: node, hosting, registry state, consistency and the registered counts.
 *
 * <p>To take a node out of the load balancer while it starts or drains, add the contributor to the
 * readiness group: {@code management.endpoint.health.group.readiness.include=readinessState,sagents}.
 */
public class SagentsHealthIndicator implements HealthIndicator {

	private final ClusterView clusterView;

	private final ProcessRegistry registry;

	private final boolean hosting;

	/**
	 * @param clusterView this node's view of the cluster
	 * @param registry the process registry
	 * @param hosting whether this node runs the sagents supervisor
	 */
	public SagentsHealthIndicator(ClusterView clusterView, ProcessRegistry registry, boolean hosting) {
		this.clusterView = clusterView;
		this.registry = registry;
		this.hosting = hosting;
	}

	@Override
	public Health health() {
		RegistryState state = this.registry.state();
		boolean consistent = this.clusterView.consistent();
		Health.Builder builder;
		if (!this.hosting) {
			builder = Health.up();
		}
		else if (state != RegistryState.RUNNING) {
			builder = Health.outOfService();
		}
		else {
			builder = consistent ? Health.up() : Health.down();
		}
		return builder.withDetail("node", this.clusterView.localNode())
			.withDetail("hosting", this.hosting)
			.withDetail("registry", state.name().toLowerCase(Locale.ROOT))
			.withDetail("consistent", consistent)
			.withDetail("registered", RegisteredProcesses.of(this.registry))
			.build();
	}

}
