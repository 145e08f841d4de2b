package dev.sagents.actuate;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessRef;
import dev.sagents.registry.ProcessRegistry;
import dev.sagents.registry.RegistryState;
import dev.sagents.registry.RegistryUnavailableException;

/** A registry with a settable state and fixed counts, which refuses calls unless running, as the real ones do. */
class FakeRegistry implements ProcessRegistry {

	private RegistryState state = RegistryState.RUNNING;

	private final int agents;

	private final int fileSystems;

	/** Calls that ask the registry's contents, which in horde mode are queries across the cluster. */
	private final AtomicInteger queries = new AtomicInteger();

	FakeRegistry(int agents, int fileSystems) {
		this.agents = agents;
		this.fileSystems = fileSystems;
	}

	FakeRegistry inState(RegistryState state) {
		this.state = state;
		return this;
	}

	@Override
	public Optional<ProcessRef> lookup(ProcessKey key) {
		this.queries.incrementAndGet();
		requireRunning();
		return Optional.empty();
	}

	@Override
	public int count() {
		this.queries.incrementAndGet();
		requireRunning();
		return this.agents + this.fileSystems;
	}

	@Override
	public int count(ProcessKind kind) {
		this.queries.incrementAndGet();
		requireRunning();
		return (kind == ProcessKind.AGENT) ? this.agents : this.fileSystems;
	}

	@Override
	public List<ProcessKey> keys(ProcessKind kind) {
		this.queries.incrementAndGet();
		requireRunning();
		return List.of();
	}

	/** How many calls asked the registry's contents. */
	int queries() {
		return this.queries.get();
	}

	@Override
	public RegistryState state() {
		return this.state;
	}

	private void requireRunning() {
		if (this.state != RegistryState.RUNNING) {
			throw new RegistryUnavailableException(this.state);
		}
	}

}
