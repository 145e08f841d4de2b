package dev.sagents.horde;

import dev.sagents.cluster.MemberStatus;
import dev.sagents.registry.RegistryState;
import dev.sagents.registry.RegistryUnavailableException;

/**
 * Where this node is in its life: {@code STARTING} until it joined the horde, {@code RUNNING},
 * {@code DRAINING} while it hands its processes off, {@code STOPPED} once it left. Only
 * the node's lifecycle changes it; the parts read it to decide whether they still act.
 */
final class NodeState {

	private volatile RegistryState state = RegistryState.STARTING;

	RegistryState get() {
		return this.state;
	}

	void set(RegistryState state) {
		this.state = state;
	}

	boolean is(RegistryState state) {
		return this.state == state;
	}

	/** Throws {@link RegistryUnavailableException} unless the node runs: it takes no new work otherwise. */
	void ensureAvailable() {
		RegistryState current = this.state;
		if (current != RegistryState.RUNNING) {
			throw new RegistryUnavailableException(current);
		}
	}

	/** The status this member announces: {@code alive} while it runs, else {@code shutting_down}. */
	MemberStatus memberStatus() {
		return (this.state == RegistryState.RUNNING) ? MemberStatus.ALIVE : MemberStatus.SHUTTING_DOWN;
	}

}
