package dev.sagents.autoconfigure;

/** Micrometer meters of the runtime: {@code sagents.metrics.*}. */
public class MetricsProperties {

	/**
	 * Whether the runtime's meters (the sagents.* names in docs/operations.md) are registered when
	 * the application has a Micrometer MeterRegistry. Off, the runtime reports nothing and costs
	 * nothing for it.
	 */
	private boolean enabled = true;

	/** Whether the runtime's meters are registered. */
	public boolean isEnabled() {
		return this.enabled;
	}

	/** Sets whether the runtime's meters are registered. */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
