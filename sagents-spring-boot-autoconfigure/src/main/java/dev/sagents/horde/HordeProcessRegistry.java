package dev.sagents.horde;

import java.util.List;
import java.util.Optional;

import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessRef;
import dev.sagents.registry.ProcessRegistry;
import dev.sagents.registry.RegistryState;
import dev.sagents.supervisor.SagentsLifecycle;

/** (Being written: signatures are final, bodies are not.) */
public final class HordeProcessRegistry implements ProcessRegistry, SagentsLifecycle {

	public HordeProcessRegistry(HordeNode node) {
	}

	@Override
	public Optional<ProcessRef> lookup(ProcessKey key) {
		throw new UnsupportedOperationException("being written");
	}

	@Override
	public int count() {
		throw new UnsupportedOperationException("being written");
	}

	@Override
	public int count(ProcessKind kind) {
		throw new UnsupportedOperationException("being written");
	}

	@Override
	public List<ProcessKey> keys(ProcessKind kind) {
		throw new UnsupportedOperationException("being written");
	}

	@Override
	public RegistryState state() {
		return RegistryState.STARTING;
	}

	@Override
	public void start() {
	}

	@Override
	public void stop() {
	}

}
