package dev.sagents.horde;

import dev.sagents.cluster.NodeDrain;
import dev.sagents.registry.RegistryUnavailableException;

/**
 * Drains a horde node on an operator's request: it announces {@code shutting_down}, which keeps it
 * out of placement as every status but {@code alive} does (see {@link HordeMembership#hostIds()}),
 * hands its processes off as a graceful shutdown does, and stays a member.
 */
public final class HordeNodeDrain implements NodeDrain {

	private final HordeNode node;

	public HordeNodeDrain(HordeNode node) {
		this.node = node;
	}

	/**
	 * Drains as a graceful shutdown does, up to the handoffs, then the node stays a member, refusing
	 * new work. {@link RegistryUnavailableException} unless the node runs.
	 */
	@Override
	public void drain(Runnable began) {
		if (!this.node.drain()) {
			throw new RegistryUnavailableException(this.node.state());
		}
		began.run();
		this.node.stopHosted();
		this.node.awaitHandoffs();
	}

}
