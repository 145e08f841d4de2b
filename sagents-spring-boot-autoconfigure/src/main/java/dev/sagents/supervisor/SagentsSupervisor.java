package dev.sagents.supervisor;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import dev.sagents.process.Arguments;

/**
 * The root of sagents on a node, like the original's {@code Sagents.Supervisor}: a node that runs
 * it hosts agents and file systems; a node without it hosts nothing. It starts the registry, the
 * agents supervisor and the file-system supervisor, in that order. On stop it first drains all three
 * (the registry refuses new work), then stops the agents (so they persist their state and may
 * still write to their file systems), then the file systems (flushing), then the registry.
 *
 * <p>It runs in a phase below the web server's, so it starts before requests arrive and stops after
 * in-flight requests finished.
 */
public class SagentsSupervisor implements SmartLifecycle {

	/** Starts before and stops after the embedded web server (which uses DEFAULT_PHASE - 2048). */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger logger = LoggerFactory.getLogger(SagentsSupervisor.class);

	private final SagentsLifecycle registry;

	private final SagentsLifecycle agentsSupervisor;

	private final SagentsLifecycle fileSystemSupervisor;

	private volatile boolean running;

	public SagentsSupervisor(SagentsLifecycle registry, SagentsLifecycle agentsSupervisor,
			SagentsLifecycle fileSystemSupervisor) {
		this.registry = Arguments.notNull(registry, "registry");
		this.agentsSupervisor = Arguments.notNull(agentsSupervisor, "agentsSupervisor");
		this.fileSystemSupervisor = Arguments.notNull(fileSystemSupervisor, "fileSystemSupervisor");
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.registry.start();
		this.agentsSupervisor.start();
		this.fileSystemSupervisor.start();
		this.running = true;
		logger.debug("sagents supervisor started");
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		for (SagentsLifecycle piece : List.of(this.registry, this.agentsSupervisor, this.fileSystemSupervisor)) {
			piece.drain();
		}
		this.agentsSupervisor.stop();
		this.fileSystemSupervisor.stop();
		this.registry.stop();
		logger.debug("sagents supervisor stopped");
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
