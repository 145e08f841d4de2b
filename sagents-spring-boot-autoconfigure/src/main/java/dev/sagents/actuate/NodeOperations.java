package dev.sagents.actuate;

import java.util.Map;

import dev.sagents.cluster.ClusterView;
import dev.sagents.cluster.DrainNotSupportedException;
import dev.sagents.cluster.NodeDrain;
import dev.sagents.registry.RegistryUnavailableException;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;

/**
 * What the {@code sagents} endpoint does with this node: drain it. The application's readiness
 * turns {@link ReadinessState#REFUSING_TRAFFIC} as the drain begins (the {@code sagents} health
 * contributor is {@code OUT_OF_SERVICE} from then on too), everything the node hosts is handed
 * over, and the node stays up and a member, for inspection, until it stops. {@code 409} in local
 * mode or on a node that does not run (starting, draining already, stopped).
 */
public final class NodeOperations {

	/** The status of a drain the node refuses in its state. */
	static final int STATUS_CONFLICT = 409;

	private final ClusterView clusterView;

	private final NodeDrain drain;

	private final ApplicationEventPublisher events;

	/**
	 * @param clusterView tells what this node still hosts once drained
	 * @param drain drains this node ({@link NodeDrain#LOCAL} in local mode)
	 * @param events where the readiness change is published
	 */
	public NodeOperations(ClusterView clusterView, NodeDrain drain, ApplicationEventPublisher events) {
		this.clusterView = clusterView;
		this.drain = drain;
		this.events = events;
	}

	/** Drains this node; returns once its processes were handed over. */
	public WebEndpointResponse<Object> drain() {
		try {
			this.drain.drain(() -> AvailabilityChangeEvent.publish(this.events, this, ReadinessState.REFUSING_TRAFFIC));
		}
		catch (DrainNotSupportedException | RegistryUnavailableException ex) {
			return AgentOperations.error(STATUS_CONFLICT, ex);
		}
		return new WebEndpointResponse<>(Map.of("node", this.clusterView.localNode(), "drained", true, "hostedHere",
				SagentsHealthIndicator.HostedHere.of(this.clusterView)));
	}

}
