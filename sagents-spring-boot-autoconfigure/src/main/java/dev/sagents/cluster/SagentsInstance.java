package dev.sagents.cluster;

/** The three pieces of sagents infrastructure, each with its own member set. */
public enum SagentsInstance {

	/** The process registry. */
	REGISTRY("registry"),

	/** The supervisor that hosts agents. */
	AGENTS_SUPERVISOR("agentsSupervisor"),

	/** The supervisor that hosts file systems. */
	FILE_SYSTEM_SUPERVISOR("fileSystemSupervisor");

	private final String value;

	SagentsInstance(String value) {
		this.value = value;
	}

	/** The camel-case name used by the actuator endpoint. */
	public String value() {
		return this.value;
	}

}
