package dev.sagents.horde;

import com.hazelcast.core.HazelcastInstance;

/**
 * Supplies the Hazelcast member sagents runs on in horde mode: the application's own instance
 * ({@code members=auto}) or one that sagents starts for itself (always with
 * {@code members=participation}, so only participating nodes ever join it).
 */
public interface HazelcastMemberProvider {

	/** Starts or joins the member and returns it; called once, when the sagents supervisor starts. */
	HazelcastInstance start();

	/**
	 * Leaves the cluster gracefully ({@code shutdown()}, which migrates partitions first) if this
	 * provider started the member; leaves the application's own member alone. Called once, last,
	 * when the sagents supervisor stops.
	 */
	void stop();

}
