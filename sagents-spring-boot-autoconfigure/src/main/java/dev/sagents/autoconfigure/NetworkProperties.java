package dev.sagents.autoconfigure;

import java.util.List;

/**
 * Network of the member sagents starts: {@code sagents.horde.network.*}, {@code null} until set;
 * the defaults are the constants.
 */
public class NetworkProperties {

	/** The first port tried when none is set: not Hazelcast's 5701, so an application cluster keeps it. */
	public static final int DEFAULT_PORT = 5801;

	/** How many ports are tried when none is set. */
	public static final int DEFAULT_PORT_COUNT = 20;

	/** The bind interface when none is set: loopback, so an unconfigured node is reachable from nowhere. */
	public static final String DEFAULT_INTERFACE = "127.0.0.1";

	/** The TCP/IP member list when none is set. */
	public static final List<String> DEFAULT_JOIN_MEMBERS = List.of("127.0.0.1");

	/**
	 * First port the member listens on; when taken, the next ones are tried (see port-count).
	 * Defaults to 5801, so it does not collide with an application cluster on Hazelcast's 5701.
	 */
	private Integer port;

	/** How many ports, from the first, the member may try (auto-increment). Defaults to 20. */
	private Integer portCount;

	/**
	 * Address of the interface the member binds to and announces, such as 10.0.0.12 or the
	 * wildcard 10.0.0.*. With discovery 'tcp', defaults to 127.0.0.1, safe by default: such a
	 * node clusters only with nodes on the same host; production sets the host's address. With
	 * 'multicast' or 'kubernetes', which find members on other hosts, defaults to the
	 * interface Hazelcast picks (in a pod, the pod's address).
	 */
	private String bindInterface;

	/**
	 * Members to join over TCP/IP, each 'host' (the member's port range is tried) or
	 * 'host:port', with discovery 'tcp' (the default). Defaults to 127.0.0.1.
	 */
	private List<String> joinMembers;

	/** The first port, or {@code null} when not set. */
	public Integer getPort() {
		return this.port;
	}

	/** Sets the first port. */
	public void setPort(Integer port) {
		this.port = port;
	}

	/** How many ports may be tried, or {@code null} when not set. */
	public Integer getPortCount() {
		return this.portCount;
	}

	/** Sets how many ports may be tried. */
	public void setPortCount(Integer portCount) {
		this.portCount = portCount;
	}

	/** The bind interface ({@code sagents.horde.network.interface}), or {@code null} when not set. */
	public String getInterface() {
		return this.bindInterface;
	}

	/** Sets the bind interface. */
	public void setInterface(String bindInterface) {
		this.bindInterface = bindInterface;
	}

	/** The TCP/IP member list, or {@code null} when not set. */
	public List<String> getJoinMembers() {
		return this.joinMembers;
	}

	/** Sets the TCP/IP member list. */
	public void setJoinMembers(List<String> joinMembers) {
		this.joinMembers = joinMembers;
	}

}
