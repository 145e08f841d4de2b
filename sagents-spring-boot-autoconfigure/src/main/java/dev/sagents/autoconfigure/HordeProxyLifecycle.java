package dev.sagents.autoconfigure;

import dev.sagents.horde.HordeProcessRegistry;
import dev.sagents.supervisor.SagentsSupervisor;

import org.springframework.context.SmartLifecycle;

/**
 * In horde mode, on a node without the sagents supervisor: joins the horde as a proxy node, which
 * reaches every agent and file system and hosts none ("web nodes route, worker nodes host"). It
 * runs in the supervisor's phase, so it joins before requests arrive and leaves after in-flight
 * requests finished.
 */
final class HordeProxyLifecycle implements SmartLifecycle {

	private final HordeProcessRegistry registry;

	private volatile boolean running;

	HordeProxyLifecycle(HordeProcessRegistry registry) {
		this.registry = registry;
	}

	@Override
	public synchronized void start() {
		if (!this.running) {
			this.registry.startWithoutHosting();
			this.running = true;
		}
	}

	@Override
	public synchronized void stop() {
		if (this.running) {
			this.running = false;
			this.registry.drain();
			this.registry.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return SagentsSupervisor.PHASE;
	}

}
