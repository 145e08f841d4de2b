package dev.sagents.local;

import java.util.concurrent.ExecutorService;

/** Stops a local node a test wired by hand in the order its shutdown stops it. */
final class LocalNodeShutdown {

	private LocalNodeShutdown() {
	}

	/**
	 * Drains {@code registry} so that nothing new starts, stops {@code agents}, stops the registry,
	 * then closes {@code runtime} and shuts down the {@code executor} its handlers ran on.
	 */
	static void stop(LocalProcessRegistry registry, LocalAgentsSupervisor agents, LocalProcessRuntime runtime,
			ExecutorService executor) {
		registry.drain();
		agents.stop();
		registry.stop();
		runtime.close();
		executor.shutdownNow();
	}

}
