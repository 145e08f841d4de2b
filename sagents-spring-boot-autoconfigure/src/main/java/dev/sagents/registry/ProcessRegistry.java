package dev.sagents.registry;

import java.util.List;
import java.util.Optional;

import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessRef;

/**
 * The process registry: unique keys to running processes. Entries are added by the supervisors
 * when a process starts and removed when it ends. In local mode it covers this node; in horde mode
 * it covers the whole cluster (or partition), and a lookup right after a start on any node sees it.
 *
 * <p>Every method throws {@link RegistryUnavailableException} while the node is starting or
 * draining, and {@link IllegalArgumentException} for a {@code null} argument.
 */
public interface ProcessRegistry {

	/** The process registered under {@code key}, if any. */
	Optional<ProcessRef> lookup(ProcessKey key);

	/** The process registered under {@code key}; {@link ProcessNotRegisteredException} if none. */
	default ProcessRef fetch(ProcessKey key) {
		return lookup(key).orElseThrow(() -> new ProcessNotRegisteredException(key));
	}

	/** How many processes are registered. */
	int count();

	/** How many processes of {@code kind} are registered. */
	int count(ProcessKind kind);

	/** The keys of every registered process of {@code kind}, in no particular order. */
	List<ProcessKey> keys(ProcessKind kind);

	/** Where the registry is in its life; never throws. */
	RegistryState state();

	/** Whether the registry answers calls now; never throws. */
	default boolean isAvailable() {
		return state() == RegistryState.RUNNING;
	}

}
