package dev.sagents.cluster;

/** A member's standing in one sagents instance; only {@link #ALIVE} members are chosen for placement. */
public enum MemberStatus {

	/** Runs the sagents supervisor: hosts processes. */
	ALIVE("alive"),

	/** Part of the cluster but does not run the supervisor: never chosen. */
	UNINITIALIZED("uninitialized"),

	/** Leaving: handing its processes off, not chosen for new ones. */
	SHUTTING_DOWN("shutting_down"),

	/** Gone; shown until pruned. */
	DEAD("dead");

	private final String value;

	MemberStatus(String value) {
		this.value = value;
	}

	/** The lower-case name shown by the actuator endpoint. */
	public String value() {
		return this.value;
	}

}
