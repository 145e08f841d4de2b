package dev.sagents.cluster;

/** Which nodes are sagents members in horde mode: {@code sagents.horde.members}. */
public enum MembersMode {

	/** Every member of the application's Hazelcast cluster; placement only on those running the supervisor. */
	AUTO,

	/** Only the nodes that run the sagents supervisor (optionally within one partition). */
	PARTICIPATION

}
