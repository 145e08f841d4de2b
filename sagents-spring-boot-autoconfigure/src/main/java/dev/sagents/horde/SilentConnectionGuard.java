package dev.sagents.horde;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.hazelcast.cluster.Address;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.EndpointQualifier;
import com.hazelcast.instance.impl.HazelcastInstanceImpl;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.internal.server.ServerConnection;
import com.hazelcast.internal.server.ServerConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes member connections to addresses outside the cluster that never answered: Hazelcast
 * 5.5–5.7 spins an I/O thread on such a connection.
 *
 * <p>Every few seconds the oldest member looks for other clusters to merge with, by connecting to
 * each address of its TCP/IP member list that is not a member, and a member that joins connects to
 * every address of its list. When the process at such an address accepts connections but never
 * answers — a hung JVM, like a member that was removed for missing its heartbeats — Hazelcast's
 * outbound pipeline of that connection (its {@code UnifiedProtocolEncoder}, which returns "clean"
 * while the handshake waits for the peer's protocol) reschedules itself forever. The I/O thread
 * that owns it then burns a core and never serves the other connections it owns, so their
 * heartbeats stop, and healthy members split from each other after the heartbeat timeout.
 * Hazelcast keeps such a connection until the peer answers or dies.
 *
 * <p>A connection that has read nothing at all since it opened, longer than the timeout, to an
 * address that is not a member now, is closed here. A member's own connections are left to
 * Hazelcast's failure detection. Closing only ends this attempt: a merge check tries again at its
 * next round, a join at its next try.
 *
 * <p>It reaches into Hazelcast internals (the member's connection manager), as the public API does
 * not list connections; {@code docs/horde.md} names them.
 */
final class SilentConnectionGuard {

	private static final Logger logger = LoggerFactory.getLogger(SilentConnectionGuard.class);

	private final ServerConnectionManager connections;

	private final HazelcastInstance hazelcast;

	private final Duration timeout;

	private ScheduledFuture<?> checks;

	/**
	 * @param hazelcast the member whose connections are watched; a client has none
	 * @param timeout how long a connection may stay silent
	 */
	SilentConnectionGuard(HazelcastInstance hazelcast, Duration timeout) {
		this.hazelcast = hazelcast;
		this.timeout = timeout;
		this.connections = memberConnections(hazelcast);
	}

	/** Checks every quarter of the timeout, so a silent connection lasts 1.25 timeouts at most. */
	synchronized void start(ScheduledExecutorService timer) {
		if (this.connections == null || this.timeout.isZero()) {
			return;
		}
		long period = Math.max(1, this.timeout.toMillis() / 4);
		this.checks = timer.scheduleWithFixedDelay(this::closeSilentConnections, period, period, TimeUnit.MILLISECONDS);
	}

	synchronized void stop() {
		if (this.checks != null) {
			this.checks.cancel(false);
			this.checks = null;
		}
	}

	/** Closes the silent connections to non-members. */
	private void closeSilentConnections() {
		try {
			long now = System.currentTimeMillis();
			for (ServerConnection connection : this.connections.getConnections()) {
				if (silentTooLong(connection, now)) {
					logger.warn("Closing the connection to {}: it has not answered for {} ms, and Hazelcast would spin "
							+ "an I/O thread on it", connection.getRemoteAddress(), now - connection.getStartTime());
					connection.close("no answer within " + this.timeout.toMillis() + " ms (sagents)", null);
				}
			}
		}
		catch (RuntimeException ex) {
			// A member shutting down: its connections go with it.
			logger.debug("Could not check the member's connections", ex);
		}
	}

	/** Open, nothing read since it opened, for the timeout or longer, and to an address no member has. */
	private boolean silentTooLong(ServerConnection connection, long now) {
		Address peer = connection.getRemoteAddress();
		return connection.isAlive() && connection.lastReadTimeMillis() < connection.getStartTime()
				&& now - connection.getStartTime() >= this.timeout.toMillis() && peer != null
				&& this.hazelcast.getCluster().getMembers().stream().noneMatch((member) -> member.getAddress().equals(peer));
	}

	/** The member's connection manager, or {@code null} for an instance that is not a member. */
	private static ServerConnectionManager memberConnections(HazelcastInstance hazelcast) {
		HazelcastInstanceImpl instance = (hazelcast instanceof HazelcastInstanceProxy proxy) ? proxy.getOriginal()
				: (hazelcast instanceof HazelcastInstanceImpl impl) ? impl : null;
		if (instance == null) {
			return null;
		}
		return instance.node.getServer().getConnectionManager(EndpointQualifier.MEMBER);
	}

}
