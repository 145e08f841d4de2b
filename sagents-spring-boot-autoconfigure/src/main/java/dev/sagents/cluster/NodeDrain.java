package dev.sagents.cluster;

/**
 * Drains this node on an operator's request, without stopping it: no process is placed here any
 * more, everything it hosts goes to the other members with the guarantees of a graceful shutdown
 * (no call fails, nothing is dropped), and the node stays a member, refusing new work, for
 * inspection until it stops. Only a cluster has other members to hand over to.
 */
@FunctionalInterface
public interface NodeDrain {

	/** Refuses every drain: in local mode there is no other node to hand over to. */
	NodeDrain LOCAL = (began) -> {
		throw new DrainNotSupportedException(DistributionMode.LOCAL);
	};

	/**
	 * Drains this node and returns once everything it hosted was handed over (or the request
	 * timeout passed: what was not confirmed, the other members restart once this node left).
	 * @param began run once the node began to drain, before the handover: where the application
	 * stops accepting traffic
	 * @throws DrainNotSupportedException in local mode
	 * @throws dev.sagents.registry.RegistryUnavailableException unless the node runs (it starts,
	 * drains already, or stopped)
	 */
	void drain(Runnable began);

}
