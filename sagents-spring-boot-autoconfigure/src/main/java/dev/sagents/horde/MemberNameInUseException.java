package dev.sagents.horde;

import dev.sagents.process.SagentsException;

/**
 * The Hazelcast member sagents starts could not start because a member of the same instance name
 * already runs in this JVM: two sagents nodes in one JVM with one node name (the member is named
 * {@code sagents-<node name>}, and the default node name, {@code <host>:<pid>}, is the same for
 * every node of a JVM), or a configuration resource that names its instance.
 */
public class MemberNameInUseException extends SagentsException {

	private final String instanceName;

	private final String nodeName;

	/**
	 * @param instanceName the member's instance name
	 * @param nodeName this node's name, as the member's {@value HordeStructures#NODE_NAME_ATTRIBUTE}
	 * attribute carries it, or {@code null} when it carries none
	 * @param cause Hazelcast's refusal
	 */
	public MemberNameInUseException(String instanceName, String nodeName, Throwable cause) {
		super("A Hazelcast member named '" + instanceName + "' already runs in this JVM: each sagents node of one JVM "
				+ "needs its own sagents.node-name", cause);
		this.instanceName = instanceName;
		this.nodeName = nodeName;
	}

	/** The member's instance name. */
	public String instanceName() {
		return this.instanceName;
	}

	/** This node's name, or {@code null} when the member's configuration carries none. */
	public String nodeName() {
		return this.nodeName;
	}

}
