package dev.sagents.horde;

import java.time.Duration;

import dev.sagents.cluster.MembersMode;
import dev.sagents.cluster.RebalanceMode;
import dev.sagents.process.Arguments;

/**
 * How this node takes part in horde mode.
 *
 * @param nodeName this node's name, shown in diagnostics and replies
 * @param membersMode which nodes are sagents members
 * @param partition the partition key, or {@code null}; only with {@link MembersMode#PARTICIPATION}
 * @param requestTimeout how long a request between members (a remote start, a stop) may take
 * @param silentConnectionTimeout how long a connection to an address outside the cluster may stay
 * without any answer before it is closed; zero leaves such connections to Hazelcast
 * @param maxMessageBytes how many bytes an encoded message or reply between members may have
 * @param rebalance what this node does with its processes when a member joins
 */
public record HordeSettings(String nodeName, MembersMode membersMode, String partition, Duration requestTimeout,
		Duration silentConnectionTimeout, long maxMessageBytes, Rebalance rebalance) {

	/** How many bytes an encoded message may have unless told otherwise: 1 MB. */
	public static final long DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;

	public HordeSettings {
		Arguments.notNull(nodeName, "nodeName");
		Arguments.notNull(membersMode, "membersMode");
		Arguments.notNull(requestTimeout, "requestTimeout");
		Arguments.notNull(silentConnectionTimeout, "silentConnectionTimeout");
		Arguments.notNull(rebalance, "rebalance");
		if (maxMessageBytes <= 0) {
			throw new IllegalArgumentException("maxMessageBytes must be positive, not " + maxMessageBytes);
		}
	}

	/**
	 * Settings with the default {@link #DEFAULT_MAX_MESSAGE_BYTES maximum message size} that leave every
	 * process where it runs when a member joins ({@link Rebalance#PASSIVE}).
	 */
	public HordeSettings(String nodeName, MembersMode membersMode, String partition, Duration requestTimeout,
			Duration silentConnectionTimeout) {
		this(nodeName, membersMode, partition, requestTimeout, silentConnectionTimeout, DEFAULT_MAX_MESSAGE_BYTES,
				Rebalance.PASSIVE);
	}

	/**
	 * What a node does with its processes when a member joins.
	 *
	 * @param mode whether processes move to the member that joined
	 * @param batchSize how many processes at most move in one batch (one handoff per batch)
	 * @param interval the pause between two batches, so calls and starts go on meanwhile
	 */
	public record Rebalance(RebalanceMode mode, int batchSize, Duration interval) {

		/** Nothing moves. */
		public static final Rebalance PASSIVE = new Rebalance(RebalanceMode.PASSIVE, 250, Duration.ofMillis(20));

		public Rebalance {
			Arguments.notNull(mode, "mode");
			Arguments.notNull(interval, "interval");
			if (batchSize < 1 || interval.isNegative()) {
				throw new IllegalArgumentException(
						"A rebalance needs a positive batch size and no negative interval: " + batchSize + ", " + interval);
			}
		}

	}

}
