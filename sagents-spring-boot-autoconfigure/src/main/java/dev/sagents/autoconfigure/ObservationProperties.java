package dev.sagents.autoconfigure;

/** Micrometer observations (and traces) of calls and casts: {@code sagents.observations.*}. */
public class ObservationProperties {

	/**
	 * Whether calls and casts to agents are Micrometer observations (sagents.call, sagents.cast,
	 * sagents.handle), whose trace context travels to the member that handles them, when the
	 * application has an ObservationRegistry with handlers. Unset: on only when the application
	 * has a Micrometer Tracing Tracer. They cost: see "Observations and traces" in
	 * docs/operations.md.
	 */
	private Boolean enabled;

	/** Whether calls and casts are observed; {@code null} for the default on the field. */
	public Boolean getEnabled() {
		return this.enabled;
	}

	/** Sets whether calls and casts are observed. */
	public void setEnabled(Boolean enabled) {
		this.enabled = enabled;
	}

}
