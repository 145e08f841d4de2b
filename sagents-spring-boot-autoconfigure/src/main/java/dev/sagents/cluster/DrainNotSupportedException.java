package dev.sagents.cluster;

import java.util.Locale;

import dev.sagents.process.SagentsException;

/** A drain was asked of a node that has no other node to hand its processes over to. */
public class DrainNotSupportedException extends SagentsException {

	private final DistributionMode distribution;

	public DrainNotSupportedException(DistributionMode distribution) {
		super("A " + distribution.name().toLowerCase(Locale.ROOT) + " node cannot drain: there is no other node to hand "
				+ "its processes over to (drain needs sagents.distribution=horde)");
		this.distribution = distribution;
	}

	public DistributionMode distribution() {
		return this.distribution;
	}

}
