package dev.sagents.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code sagents.horde.multicast.*}: with {@code sagents.horde.discovery=multicast}, where the
 * member sagents starts announces itself and listens for the others. {@code null} until set;
 * unset, Hazelcast's defaults apply.
 */
public class MulticastDiscoveryProperties {

	/**
	 * The multicast group the members meet in, an IPv4 address from 224.0.0.0 to 239.255.255.255.
	 * Defaults to Hazelcast's 224.2.2.3. Applications that share a network and must not meet use
	 * groups (or cluster names) of their own.
	 */
	private String group;

	/** The UDP port of the multicast group, from 1 to 65535. Defaults to Hazelcast's 54327. */
	private Integer port;

	/** The multicast group, or {@code null} when not set. */
	public String getGroup() {
		return this.group;
	}

	/** Sets the multicast group. */
	public void setGroup(String group) {
		this.group = group;
	}

	/** The multicast port, or {@code null} when not set. */
	public Integer getPort() {
		return this.port;
	}

	/** Sets the multicast port. */
	public void setPort(Integer port) {
		this.port = port;
	}

	/** The settings that are set, by their name under {@code sagents.horde.multicast}. */
	Map<String, Object> given() {
		Map<String, Object> given = new LinkedHashMap<>();
		if (this.group != null) {
			given.put("group", this.group);
		}
		if (this.port != null) {
			given.put("port", this.port);
		}
		return given;
	}

}
