package dev.sagents.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * What the page shows, as this node sees the cluster at one moment; sent as JSON.
 *
 * @param at when it was taken
 * @param node this node's name
 * @param distribution {@code local} or {@code horde}
 * @param joined whether this node is part of its cluster
 * @param consistent whether the member sets agree with each other and with the live nodes
 * @param registry the registry's state: {@code starting}, {@code running}, {@code draining} or {@code stopped}
 * @param instances the members of each instance
 * @param agents the agents of each node, {@code null} when this node cannot list them now (the
 * registry is unavailable, or the node runs no agents supervisor)
 * @param hostedHere the agents this node's own supervisor runs now, sorted, the first
 * {@link DashboardSnapshots#IDS_SHOWN} of them
 * @param rates the watched meters, in {@link WatchedMeter#ALL}'s order
 * @param failures the processes given up after too many crashes
 */
public record DashboardSnapshot(Instant at, String node, String distribution, boolean joined, boolean consistent,
		String registry, List<InstanceView> instances, List<NodeAgents> agents, List<String> hostedHere,
		List<RateView> rates, FailuresView failures) {

	/**
	 * The members of one instance.
	 *
	 * @param name {@code registry}, {@code agentsSupervisor} or {@code fileSystemSupervisor}
	 * @param members each member, sorted by node
	 */
	public record InstanceView(String name, List<MemberView> members) {
	}

	/**
	 * One member of an instance.
	 *
	 * @param node its node name
	 * @param status {@code alive}, {@code uninitialized}, {@code shutting_down} or {@code dead}
	 */
	public record MemberView(String node, String status) {
	}

	/**
	 * The agents one node runs.
	 *
	 * @param node the node name
	 * @param count how many
	 * @param ids their ids, sorted, the first {@link DashboardSnapshots#IDS_SHOWN} only
	 */
	public record NodeAgents(String node, int count, List<String> ids) {
	}

	/**
	 * One watched meter.
	 *
	 * @param meter the meter name
	 * @param tag the selecting tag as {@code key=value}, {@code null} for all the meters of that name
	 * @param label what the page shows beside the value
	 * @param value per second for a rate, the current value otherwise; {@code null} when unknown
	 */
	public record RateView(String meter, String tag, String label, Double value) {

		static RateView of(WatchedMeter watched, Double value) {
			String tag = (watched.tagKey() != null) ? watched.tagKey() + "=" + watched.tagValue() : null;
			return new RateView(watched.name(), tag, watched.label(), value);
		}

	}

	/**
	 * The processes given up after too many crashes.
	 *
	 * @param total how many since this node started
	 * @param recent the latest ones kept, newest first
	 */
	public record FailuresView(long total, List<FailureView> recent) {
	}

	/**
	 * One process given up.
	 *
	 * @param key its registry key, such as {@code agent:alice}
	 * @param node the node it ran on
	 * @param at when it was given up
	 * @param restarts how many restarts happened within the window
	 * @param lastError the last handler exception
	 */
	public record FailureView(String key, String node, Instant at, int restarts, String lastError) {
	}

}
