package dev.sagents.cluster;

/** Where processes run: {@code sagents.distribution}. */
public enum DistributionMode {

	/** On this node only. */
	LOCAL,

	/** Across the Hazelcast cluster. */
	HORDE

}
