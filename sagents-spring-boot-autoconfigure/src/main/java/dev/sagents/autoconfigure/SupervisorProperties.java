package dev.sagents.autoconfigure;

/**
 * The root supervisor, which makes this node host agents and file systems:
 * {@code sagents.supervisor.*}.
 */
public class SupervisorProperties {

	/**
	 * Whether this node runs the sagents supervisor and so hosts agents and file systems. A node
	 * without it hosts nothing: its registry never starts and calls fail with
	 * RegistryUnavailableException. To host only under a profile or role, set it per profile, or
	 * set it to false and declare your own SagentsSupervisor bean with that condition.
	 */
	private boolean enabled = true;

	/** Whether this node hosts agents and file systems. */
	public boolean isEnabled() {
		return this.enabled;
	}

	/** Sets whether this node hosts agents and file systems. */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
