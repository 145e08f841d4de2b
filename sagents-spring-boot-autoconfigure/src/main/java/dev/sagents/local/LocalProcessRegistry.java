package dev.sagents.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessRef;
import dev.sagents.registry.ProcessRegistry;
import dev.sagents.registry.RegistryState;
import dev.sagents.registry.RegistryUnavailableException;
import dev.sagents.supervisor.ExitReason;
import dev.sagents.supervisor.SagentsLifecycle;
import dev.sagents.supervisor.StartResult;

/**
 * The registry of this node's processes. Registration is a single {@code putIfAbsent}, so a
 * process is visible to every lookup the moment its start returns, and two starts of one key can
 * never both win.
 */
public final class LocalProcessRegistry implements ProcessRegistry, SagentsLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(LocalProcessRegistry.class);

	private final ConcurrentHashMap<ProcessKey, LocalProcess> processes = new ConcurrentHashMap<>();

	private final Map<ProcessKind, LongAdder> counts = new EnumMap<>(ProcessKind.class);

	private volatile RegistryState state = RegistryState.STARTING;

	public LocalProcessRegistry() {
		for (ProcessKind kind : ProcessKind.values()) {
			this.counts.put(kind, new LongAdder());
		}
	}

	@Override
	public Optional<ProcessRef> lookup(ProcessKey key) {
		Arguments.notNull(key, "key");
		ensureAvailable();
		return Optional.ofNullable(this.processes.get(key));
	}

	@Override
	public int count() {
		ensureAvailable();
		return this.processes.size();
	}

	@Override
	public int count(ProcessKind kind) {
		Arguments.notNull(kind, "kind");
		ensureAvailable();
		return countHosted(kind);
	}

	/** How many processes of {@code kind} this node hosts, whatever the registry's state. */
	public int countHosted(ProcessKind kind) {
		return this.counts.get(kind).intValue();
	}

	@Override
	public List<ProcessKey> keys(ProcessKind kind) {
		Arguments.notNull(kind, "kind");
		ensureAvailable();
		List<ProcessKey> keys = new ArrayList<>();
		for (ProcessKey key : this.processes.keySet()) {
			if (key.kind() == kind) {
				keys.add(key);
			}
		}
		return keys;
	}

	@Override
	public RegistryState state() {
		return this.state;
	}

	/** Throws {@link RegistryUnavailableException} unless the registry is running. */
	public void ensureAvailable() {
		RegistryState current = this.state;
		if (current != RegistryState.RUNNING) {
			throw new RegistryUnavailableException(current);
		}
	}

	/**
	 * Starts, as {@link #start(Supplier, Duration)} does, the process under {@code key}, telling
	 * {@code hosting} before ({@link HostingListener#starting}) and after: {@link HostingListener#started}
	 * if it started, {@link HostingListener#notStarted} if not (one ran already, or the start failed).
	 */
	<P extends LocalProcess> StartResult<P> start(ProcessKey key, Supplier<P> newProcess, Duration grace,
			HostingListener hosting) {
		StartResult<P> result;
		try {
			hosting.starting(key);
			result = start(newProcess, grace);
		}
		catch (RuntimeException | Error ex) {
			try {
				hosting.notStarted(key);
			}
			catch (RuntimeException | Error notice) {
				ex.addSuppressed(notice);
			}
			throw ex;
		}
		if (result.started()) {
			hosting.started(result.ref());
		}
		else {
			hosting.notStarted(key);
		}
		return result;
	}

	/**
	 * Starts the process {@code newProcess} makes, unless one runs under its key already: the
	 * {@code putIfAbsent} decides, so concurrent starts of one key give one process. A process found
	 * on its way out is waited for (up to {@code grace}) and then replaced.
	 */
	<P extends LocalProcess> StartResult<P> start(Supplier<P> newProcess, Duration grace) {
		while (true) {
			ensureAvailable();
			P process = newProcess.get();
			LocalProcess existing = register(process);
			if (existing == null) {
				process.start();
				return StartResult.startedNow(process);
			}
			if (existing.isAlive()) {
				@SuppressWarnings("unchecked")
				P running = (P) existing;
				return StartResult.foundRunning(running);
			}
			existing.awaitTermination(grace);
		}
	}

	/**
	 * Registers {@code process} under its key unless one is there.
	 * @return the process already registered, or {@code null} if {@code process} was registered
	 */
	private LocalProcess register(LocalProcess process) {
		LocalProcess existing = this.processes.putIfAbsent(process.key(), process);
		if (existing == null) {
			this.counts.get(process.key().kind()).increment();
		}
		return existing;
	}

	/** Removes {@code process} if it is still the one registered under its key. */
	void unregister(LocalProcess process) {
		if (this.processes.remove(process.key(), process)) {
			this.counts.get(process.key().kind()).decrement();
		}
	}

	/**
	 * The process this node hosts under {@code key}, whatever the registry's state: a clustered
	 * backend delivers messages to it while the node drains.
	 */
	public Optional<ProcessRef> lookupHosted(ProcessKey key) {
		return Optional.ofNullable(this.processes.get(key));
	}

	/**
	 * Stops the process this node hosts under {@code key}, whatever the registry's state, and waits
	 * up to {@code grace} for it to end; {@code false} if this node hosts none.
	 */
	boolean stopHosted(ProcessKey key, ExitReason reason, Duration grace) {
		Optional<ProcessRef> hosted = lookupHosted(key);
		if (hosted.isEmpty()) {
			return false;
		}
		LocalProcess process = (LocalProcess) hosted.get();
		process.requestStop(reason);
		process.awaitTermination(grace);
		return true;
	}

	/**
	 * Stops every process of {@code kind} this node hosts at once, for the node's shutdown, and
	 * waits up to {@code grace} for all of them; those still running then are abandoned (logged,
	 * unregistered, their stuck handler interrupted).
	 */
	void shutDownHosted(ProcessKind kind, Duration grace) {
		List<LocalProcess> hosted = processes(kind).toList();
		CompletableFuture<?>[] stopped = hosted.stream()
			.map((process) -> process.requestStop(ExitReason.SHUTDOWN))
			.toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(stopped).get(grace.toNanos(), TimeUnit.NANOSECONDS);
			return;
		}
		catch (TimeoutException | ExecutionException ex) {
			// Fall through to abandon the ones still running.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		for (LocalProcess process : hosted) {
			if (!process.termination().isDone()) {
				logger.warn("Process {} did not stop within {}; abandoning it without its cleanup", process.key(),
						grace);
				process.abandon();
			}
		}
	}

	/** The keys of the processes of {@code kind} this node hosts, whatever the registry's state. */
	public List<ProcessKey> keysHosted(ProcessKind kind) {
		return processes(kind).map(LocalProcess::key).toList();
	}

	/** The registered processes of {@code kind}, whatever the registry's state (for the supervisors). */
	Stream<LocalProcess> processes(ProcessKind kind) {
		return this.processes.values().stream().filter((process) -> process.key().kind() == kind);
	}

	@Override
	public void start() {
		this.state = RegistryState.RUNNING;
	}

	@Override
	public void drain() {
		this.state = RegistryState.DRAINING;
	}

	@Override
	public void stop() {
		this.state = RegistryState.STOPPED;
	}

}
