package dev.sagents.actuate;

import dev.sagents.process.ProcessKind;
import dev.sagents.registry.ProcessRegistry;
import dev.sagents.registry.RegistryUnavailableException;

/**
 * How many processes the registry holds, as the endpoint and the health contributor show them.
 * Every count is {@code null} while the registry is unavailable (starting, draining, or on a node
 * that does not run the supervisor), because the registry then gives no answer rather than a wrong one.
 *
 * @param total every registered process
 * @param agents registered agents
 * @param fileSystems registered file systems
 */
public record RegisteredProcesses(Integer total, Integer agents, Integer fileSystems) {

	/** The counts of {@code registry} now, or {@code null} counts when it cannot answer. */
	public static RegisteredProcesses of(ProcessRegistry registry) {
		if (!registry.isAvailable()) {
			return unavailable();
		}
		try {
			return new RegisteredProcesses(registry.count(), registry.count(ProcessKind.AGENT),
					registry.count(ProcessKind.FILESYSTEM));
		}
		catch (RegistryUnavailableException ex) {
			// It began draining between the state check and the counts.
			return unavailable();
		}
	}

	private static RegisteredProcesses unavailable() {
		return new RegisteredProcesses(null, null, null);
	}

}
