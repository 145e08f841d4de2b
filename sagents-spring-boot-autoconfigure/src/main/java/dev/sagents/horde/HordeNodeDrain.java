package dev.sagents.horde;

import dev.sagents.cluster.NodeDrain;

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

	@Override
	public void drain(Runnable began) {
		this.node.drainAndStay(began);
	}

}
