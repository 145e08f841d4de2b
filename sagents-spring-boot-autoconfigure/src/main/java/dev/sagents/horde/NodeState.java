package dev.sagents.horde;

import dev.sagents.cluster.MemberStatus;
import dev.sagents.registry.RegistryState;
import dev.sagents.registry.RegistryUnavailableException;

/**
 * Where this node is in its life: {@code STARTING} until it joined the horde, {@code RUNNING},
 * {@code DRAINING} while it hands its processes off, {@code STOPPED} once it left; and whether it
 * hosts processes or only reaches those of the others (a proxy node, which runs no sagents
 * supervisor). Only the node's lifecycle changes it; the parts read it to decide whether they
 * still act.
 */
final class NodeState {

	/** Why a node that runs no sagents supervisor refuses to host a process. */
	static final String HOSTS_NOTHING = "it hosts nothing (the sagents supervisor does not run here)";

	private volatile RegistryState state = RegistryState.STARTING;

	private volatile boolean hosting = true;

	RegistryState get() {
		return this.state;
	}

	void set(RegistryState state) {
		this.state = state;
	}

	boolean is(RegistryState state) {
		return this.state == state;
	}

	/** Whether this node hosts processes; set once, as the node joins the horde. */
	boolean hosts() {
		return this.hosting;
	}

	void hosting(boolean hosting) {
		this.hosting = hosting;
	}

	/** Throws {@link RegistryUnavailableException} unless this node hosts processes. */
	void ensureHosting() {
		if (!this.hosting) {
			throw new RegistryUnavailableException(this.state, HOSTS_NOTHING);
		}
	}

	/** Throws {@link RegistryUnavailableException} unless the node runs: it takes no new work otherwise. */
	void ensureAvailable() {
		RegistryState current = this.state;
		if (current != RegistryState.RUNNING) {
			throw new RegistryUnavailableException(current);
		}
	}

	/**
	 * The status this member announces: {@code alive} while it runs and hosts, {@code uninitialized}
	 * while it runs and hosts nothing (placement never picks it), else {@code shutting_down}.
	 */
	MemberStatus memberStatus() {
		if (this.state != RegistryState.RUNNING) {
			return MemberStatus.SHUTTING_DOWN;
		}
		return this.hosting ? MemberStatus.ALIVE : MemberStatus.UNINITIALIZED;
	}

}
