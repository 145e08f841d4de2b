package dev.sagents.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentBehaviorResolver;
import dev.sagents.agent.AgentDetails;
import dev.sagents.agent.AgentEvent;
import dev.sagents.agent.AgentEventListener;
import dev.sagents.agent.AgentInfo;
import dev.sagents.agent.AgentInspection;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.agent.Subscription;
import dev.sagents.filesystem.FileSystemSupervisor;
import dev.sagents.persistence.AgentStorage;
import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.supervisor.ExitReason;
import dev.sagents.supervisor.ProcessFailure;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.supervisor.SagentsLifecycle;
import dev.sagents.supervisor.StartResult;

/**
 * Hosts agents on this node. Starting is idempotent and race-free (the registry's
 * {@code putIfAbsent} decides), idle agents are stopped by one periodic sweep instead of a timer
 * each, and on node stop every agent persists its state within the shutdown grace.
 */
public final class LocalAgentsSupervisor implements AgentsSupervisor, AgentInspection, SagentsLifecycle {

	/** The sweep runs this many times per inactivity timeout, so an idle agent stops within 1/8 of it late. */
	private static final int SWEEPS_PER_TIMEOUT = 8;

	private static final Duration LONGEST_SWEEP_INTERVAL = Duration.ofSeconds(1);

	private final LocalProcessRuntime runtime;

	private final LocalProcessRegistry registry;

	private final AgentBehaviorResolver behaviors;

	private final AgentStorage storage;

	private final FileSystemSupervisor fileSystems;

	private final AgentSettings settings;

	private final ProcessFailureLog failures;

	private final HostingListener hosting;

	private final HostingTerms terms;

	private final AgentEventBus events;

	private ScheduledFuture<?> sweeper;

	public LocalAgentsSupervisor(LocalProcessRuntime runtime, LocalProcessRegistry registry,
			AgentBehaviorResolver behaviors, AgentStorage storage, FileSystemSupervisor fileSystems,
			AgentSettings settings, ProcessFailureLog failures) {
		this(runtime, registry, behaviors, storage, fileSystems, settings, failures, HostingListener.NONE);
	}

	/**
	 * An agents supervisor that tells {@code hosting} about every agent it starts and ends; used by
	 * a clustered backend that hosts its agents on this node.
	 */
	public LocalAgentsSupervisor(LocalProcessRuntime runtime, LocalProcessRegistry registry,
			AgentBehaviorResolver behaviors, AgentStorage storage, FileSystemSupervisor fileSystems,
			AgentSettings settings, ProcessFailureLog failures, HostingListener hosting) {
		this.runtime = runtime;
		this.registry = registry;
		this.behaviors = behaviors;
		this.storage = storage;
		this.fileSystems = fileSystems;
		this.settings = settings;
		this.failures = failures;
		this.hosting = hosting;
		this.terms = new HostingTerms(settings.restartIntensity(), settings.callTimeout(), hosting);
		this.events = new AgentEventBus(runtime.executor());
	}

	@Override
	public StartResult<AgentRef> startAgent(AgentSpec spec) {
		AgentSpec typed = this.behaviors.typed(Arguments.notNull(spec, "spec"));
		AgentBehavior<?> behavior = this.behaviors.resolve(typed.type());
		StartResult<AgentProcess> result = this.registry.start(ProcessKey.agent(typed.id()),
				() -> new AgentProcess(this, typed, behavior), this.settings.shutdownGrace(), this.hosting);
		if (result.started()) {
			this.events.publish(new AgentEvent.Started(spec.id(), Instant.now(), this.runtime.node()));
		}
		return new StartResult<>(result.ref(), result.alreadyStarted());
	}

	@Override
	public Optional<AgentRef> findAgent(String id) {
		if (!AgentSpec.isValidId(Arguments.notNull(id, "id"))) {
			return Optional.empty();
		}
		return this.registry.lookup(ProcessKey.agent(id)).map(AgentRef.class::cast);
	}

	/** Agent {@code id} if it runs here, with no moves: in local mode an agent never changes host. */
	@Override
	public Optional<AgentDetails> inspect(String id) {
		return inspectHosted(Arguments.notNull(id, "id"), 0);
	}

	/**
	 * Agent {@code id} if it runs here, whatever the registry's state, with the {@code moves} a
	 * clustered backend counted for it.
	 */
	public Optional<AgentDetails> inspectHosted(String id, int moves) {
		if (!AgentSpec.isValidId(id)) {
			return Optional.empty();
		}
		return this.registry.lookupHosted(ProcessKey.agent(id))
			.map(AgentProcess.class::cast)
			.filter(AgentProcess::isAlive)
			.map((agent) -> agent.details(moves));
	}

	@Override
	public boolean stopAgent(String id) {
		Arguments.notNull(id, "id");
		this.registry.ensureAvailable();
		return stopHosted(id, ExitReason.STOPPED);
	}

	/**
	 * Stops agent {@code id} if this node hosts it, whatever the registry's state; for a clustered
	 * backend serving a stop from another member.
	 */
	public boolean stopHosted(String id, ExitReason reason) {
		return AgentSpec.isValidId(id)
				&& this.registry.stopHosted(ProcessKey.agent(id), reason, this.settings.shutdownGrace());
	}

	@Override
	public List<AgentInfo> listAgents() {
		this.registry.ensureAvailable();
		return listHosted();
	}

	/** The agents this node hosts, whatever the registry's state. */
	public List<AgentInfo> listHosted() {
		return this.registry.processes(ProcessKind.AGENT)
			.map(AgentProcess.class::cast)
			.filter(AgentProcess::isAlive)
			.map((agent) -> new AgentInfo(agent.id(), agent.node(), agent.status(), agent.spec().type(),
					agent.spec().fileSystemScope()))
			.toList();
	}

	@Override
	public int countAgents() {
		return this.registry.count(ProcessKind.AGENT);
	}

	@Override
	public Subscription subscribe(String id, AgentEventListener listener) {
		return this.events.subscribe(Arguments.notNull(id, "id"), Arguments.notNull(listener, "listener"));
	}

	/** Delivers an event of an agent hosted on another member to this node's subscribers. */
	public void deliver(AgentEvent event) {
		this.events.publish(event);
	}

	@Override
	public synchronized void start() {
		if (this.settings.stopsWhenIdle() && this.sweeper == null) {
			long timeout = this.settings.inactivityTimeout().toNanos();
			long interval = Math.min(timeout / SWEEPS_PER_TIMEOUT, LONGEST_SWEEP_INTERVAL.toNanos());
			this.sweeper = this.runtime.timer()
				.scheduleWithFixedDelay(() -> sweepIdleAgents(timeout), interval, interval, TimeUnit.NANOSECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.sweeper != null) {
			this.sweeper.cancel(false);
			this.sweeper = null;
		}
		this.registry.shutDownHosted(ProcessKind.AGENT, this.settings.shutdownGrace());
	}

	private void sweepIdleAgents(long timeoutNanos) {
		long now = System.nanoTime();
		this.registry.processes(ProcessKind.AGENT).forEach((process) -> {
			AgentProcess agent = (AgentProcess) process;
			if (!agent.inactivityCheckQueued && agent.isIdleFor(timeoutNanos, now)) {
				agent.checkInactivity(timeoutNanos);
			}
		});
	}

	/**
	 * Called by an agent once it ended for good. An epoch claimed ahead for it and not taken (it
	 * ended before it activated) is dropped: its next start claims anew.
	 */
	void ended(AgentProcess agent, ExitReason reason, Throwable error) {
		this.registry.unregister(agent);
		this.storage.dropClaimAhead(agent.id());
		if (reason == ExitReason.RESTART_LIMIT) {
			this.failures.record(ProcessFailure.of(agent, this.settings.restartIntensity(), error));
		}
		this.events.publish(new AgentEvent.Shutdown(agent.id(), Instant.now(), reason));
		this.hosting.ended(agent, reason);
	}

	LocalProcessRuntime runtime() {
		return this.runtime;
	}

	HostingTerms terms() {
		return this.terms;
	}

	AgentStorage storage() {
		return this.storage;
	}

	AgentEventBus events() {
		return this.events;
	}

	FileSystemSupervisor fileSystems() {
		return this.fileSystems;
	}

}
