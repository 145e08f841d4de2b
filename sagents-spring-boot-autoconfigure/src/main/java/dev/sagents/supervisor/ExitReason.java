package dev.sagents.supervisor;

/** Why a process ended. Only {@link #CRASH} leads to a restart. */
public enum ExitReason {

	/** The process asked to stop (its handler returned a stop). Not restarted. */
	NORMAL("normal"),

	/** The process was idle longer than its inactivity timeout. Not restarted; the next request starts it. */
	INACTIVITY("inactivity"),

	/** Stopped through the supervisor API. Not restarted. */
	STOPPED("stopped"),

	/** The node is shutting down; in horde mode the process continues on its new owner. */
	SHUTDOWN("shutdown"),

	/** The handler threw; the supervisor restarts the process within the restart limit. */
	CRASH("crash"),

	/** The process crashed more often than the restart limit allows and was given up. */
	RESTART_LIMIT("restart_limit"),

	/**
	 * Another member runs the same process: after a network split healed, the cluster registry kept
	 * the other one. This one stops without persisting, so the survivor's state stays the truth.
	 */
	CONFLICT("name_conflict"),

	/**
	 * A newer activation of the process claimed its state in the store (it runs elsewhere now),
	 * so a write of this one was refused. It stops without persisting, so the newer state stays
	 * the truth, and is not restarted.
	 */
	STALE("stale_activation");

	private final String value;

	ExitReason(String value) {
		this.value = value;
	}

	/**
	 * Whether a process ending this way persists its state (an agent) or flushes its pending writes
	 * (a file system) on its way out: every end but {@link #CONFLICT} and {@link #STALE}, where
	 * another activation's state is the truth.
	 */
	public boolean persistsOnExit() {
		return this != CONFLICT && this != STALE;
	}

	/** The lower-case name shown in events and the actuator endpoint. */
	public String value() {
		return this.value;
	}

}
