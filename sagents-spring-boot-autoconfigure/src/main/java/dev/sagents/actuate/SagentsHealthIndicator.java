package dev.sagents.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import dev.sagents.cluster.ClusterView;
import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessKind;
import dev.sagents.registry.ProcessRegistry;
import dev.sagents.registry.RegistryState;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code sagents} health contributor: whether this node can serve sagents requests now.
 * <ul>
 * <li>{@code UP} when the registry runs, the node is joined and the cluster view is consistent;</li>
 * <li>{@code OUT_OF_SERVICE} while the registry is starting, draining or stopped: requests would
 * fail with {@code RegistryUnavailableException}, so traffic should go elsewhere;</li>
 * <li>{@code DOWN} when the registry runs but the node is not joined to its cluster, or when the
 * member sets have disagreed (with each other or with the live nodes) for the grace period.
 * Within the grace period they are reported {@code UP} with {@code consistent: false}: every join
 * and departure leaves them apart for a moment, which is no fault;</li>
 * <li>{@code UP} with {@code hosting: false} on a node that deliberately runs no sagents supervisor
 * ({@code sagents.supervisor.enabled=false} or a gated supervisor bean): it hosts nothing by design,
 * which is no fault, and marking it down would take the rest of the application out of service.</li>
 * </ul>
 * Details: node, hosting, joined, registry state, consistency (and since when not), how many
 * members this node sees and how many processes it runs.
 *
 * <p>A probe asks nothing of the cluster: every value is this node's own view (its registry's state,
 * the member list and statuses it keeps up to date from membership events, the processes its own
 * supervisors run), so a probe costs no network call and a slow or hung member cannot slow every
 * other node's probes. The cluster-wide counts are in the {@code sagents} actuator endpoint.
 *
 * <p>To take a node out of the load balancer while it starts or drains, add the contributor to the
 * readiness group: {@code management.endpoint.health.group.readiness.include=readinessState,sagents};
 * keep it out of the liveness group, which should restart only a JVM that is stuck.
 */
public class SagentsHealthIndicator implements HealthIndicator {

	private final ClusterView clusterView;

	private final ProcessRegistry registry;

	private final boolean hosting;

	private final Duration inconsistencyGrace;

	private final Clock clock;

	/** When a health check first saw the member sets disagree, {@code null} while they agree. */
	private Instant inconsistentSince;

	/**
	 * @param clusterView this node's view of the cluster
	 * @param registry the process registry, of which only the state is read
	 * @param hosting whether this node runs the sagents supervisor
	 * @param inconsistencyGrace how long the member sets may disagree before the node is {@code DOWN}
	 * @param clock tells how long they have disagreed
	 */
	public SagentsHealthIndicator(ClusterView clusterView, ProcessRegistry registry, boolean hosting,
			Duration inconsistencyGrace, Clock clock) {
		this.clusterView = clusterView;
		this.registry = registry;
		this.hosting = hosting;
		this.inconsistencyGrace = Arguments.notNull(inconsistencyGrace, "inconsistencyGrace");
		this.clock = Arguments.notNull(clock, "clock");
	}

	@Override
	public Health health() {
		RegistryState state = this.registry.state();
		boolean joined = this.clusterView.joined();
		boolean consistent = this.clusterView.consistent();
		Instant since = trackInconsistency(consistent);
		Health.Builder builder;
		if (!this.hosting) {
			builder = Health.up();
		}
		else if (state != RegistryState.RUNNING) {
			builder = Health.outOfService();
		}
		else if (!joined || (since != null && !this.clock.instant().isBefore(since.plus(this.inconsistencyGrace)))) {
			builder = Health.down();
		}
		else {
			builder = Health.up();
		}
		builder.withDetail("node", this.clusterView.localNode())
			.withDetail("hosting", this.hosting)
			.withDetail("joined", joined)
			.withDetail("registry", state.name().toLowerCase(Locale.ROOT))
			.withDetail("consistent", consistent);
		if (since != null) {
			builder.withDetail("inconsistentSince", since);
		}
		return builder.withDetail("members", this.clusterView.liveNodes().size())
			.withDetail("hostedHere", HostedHere.of(this.clusterView))
			.build();
	}

	/**
	 * How many processes this node's own supervisors run now.
	 *
	 * @param agents the agents running here
	 * @param fileSystems the file systems running here
	 */
	public record HostedHere(int agents, int fileSystems) {

		/** What {@code clusterView} says this node runs now. */
		static HostedHere of(ClusterView clusterView) {
			return new HostedHere(clusterView.hostedHere(ProcessKind.AGENT).size(),
					clusterView.hostedHere(ProcessKind.FILESYSTEM).size());
		}

	}

	/** Remembers when the sets began to disagree and returns it; forgets it once they agree. */
	private synchronized Instant trackInconsistency(boolean consistent) {
		if (consistent) {
			this.inconsistentSince = null;
		}
		else if (this.inconsistentSince == null) {
			this.inconsistentSince = this.clock.instant();
		}
		return this.inconsistentSince;
	}

}
