package dev.sagents.autoconfigure;

import java.time.Duration;

/**
 * How fast the member sagents starts notices a crashed or hung member:
 * {@code sagents.horde.failure-detection.*}, {@code null} until set; the defaults are the
 * constants. Hazelcast's own defaults keep a crashed member for up to 60 s; these make a
 * killed process (its connections close) leave in well under a second and a hung one (its
 * connections stay open, only heartbeats tell) in about 5 s, so its agents move that fast.
 */
public class FailureDetectionProperties {

	/** How often members send heartbeats when not set. */
	public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(1);

	/** How long without a heartbeat a member is suspected when not set. */
	public static final Duration DEFAULT_MAX_NO_HEARTBEAT = Duration.ofSeconds(5);

	/** Connection faults that remove a member when not set. */
	public static final int DEFAULT_CONNECTION_MAX_FAULTS = 1;

	/** How often a faulty connection is retried when not set. */
	public static final Duration DEFAULT_CONNECTION_MONITOR_INTERVAL = Duration.ofMillis(20);

	/**
	 * How often each member sends a heartbeat to the others, in whole seconds (Hazelcast's
	 * hazelcast.heartbeat.interval.seconds). Defaults to 1s (Hazelcast: 5s).
	 */
	private Duration heartbeatInterval;

	/**
	 * How long a member may stay silent before it is removed, in whole seconds, longer than
	 * the heartbeat interval (hazelcast.max.no.heartbeat.seconds). This is what detects a
	 * hung member, whose connections stay open. Defaults to 5s (Hazelcast: 60s).
	 */
	private Duration maxNoHeartbeat;

	/**
	 * How many failed reconnections to a member remove it
	 * (hazelcast.connection.monitor.max.faults). A killed process closes its connections, so
	 * with 1 it leaves at the first failed retry. Defaults to 1 (Hazelcast: 3).
	 */
	private Integer connectionMaxFaults;

	/**
	 * How long after a connection fault the next one counts, in whole milliseconds
	 * (hazelcast.connection.monitor.interval). Defaults to 20ms (Hazelcast: 100ms).
	 */
	private Duration connectionMonitorInterval;

	/** The heartbeat interval, or {@code null} when not set. */
	public Duration getHeartbeatInterval() {
		return this.heartbeatInterval;
	}

	/** Sets the heartbeat interval. */
	public void setHeartbeatInterval(Duration heartbeatInterval) {
		this.heartbeatInterval = heartbeatInterval;
	}

	/** The longest silence allowed, or {@code null} when not set. */
	public Duration getMaxNoHeartbeat() {
		return this.maxNoHeartbeat;
	}

	/** Sets the longest silence allowed. */
	public void setMaxNoHeartbeat(Duration maxNoHeartbeat) {
		this.maxNoHeartbeat = maxNoHeartbeat;
	}

	/** The connection faults that remove a member, or {@code null} when not set. */
	public Integer getConnectionMaxFaults() {
		return this.connectionMaxFaults;
	}

	/** Sets the connection faults that remove a member. */
	public void setConnectionMaxFaults(Integer connectionMaxFaults) {
		this.connectionMaxFaults = connectionMaxFaults;
	}

	/** The connection monitor interval, or {@code null} when not set. */
	public Duration getConnectionMonitorInterval() {
		return this.connectionMonitorInterval;
	}

	/** Sets the connection monitor interval. */
	public void setConnectionMonitorInterval(Duration connectionMonitorInterval) {
		this.connectionMonitorInterval = connectionMonitorInterval;
	}

}
