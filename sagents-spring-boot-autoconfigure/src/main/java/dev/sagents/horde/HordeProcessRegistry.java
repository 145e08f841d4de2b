package dev.sagents.horde;

import java.util.List;
import java.util.Optional;

import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessRef;
import dev.sagents.registry.ProcessRegistry;
import dev.sagents.registry.RegistryState;
import dev.sagents.supervisor.SagentsLifecycle;

/**
 * The cluster-wide registry of horde mode. Its lifecycle is the node's: starting it joins the
 * horde (this is where a {@code members=participation} node starts its sagents member), as a host
 * or as a proxy node, stopping it leaves gracefully.
 */
public final class HordeProcessRegistry implements ProcessRegistry, SagentsLifecycle {

	private final HordeNode node;

	public HordeProcessRegistry(HordeNode node) {
		this.node = node;
	}

	@Override
	public Optional<ProcessRef> lookup(ProcessKey key) {
		Arguments.notNull(key, "key");
		return this.node.placement().lookup(key);
	}

	@Override
	public int count() {
		int total = 0;
		for (ProcessKind kind : ProcessKind.values()) {
			total += this.node.placement().count(kind);
		}
		return total;
	}

	@Override
	public int count(ProcessKind kind) {
		Arguments.notNull(kind, "kind");
		return this.node.placement().count(kind);
	}

	@Override
	public List<ProcessKey> keys(ProcessKind kind) {
		Arguments.notNull(kind, "kind");
		return this.node.placement().keys(kind);
	}

	@Override
	public RegistryState state() {
		return this.node.state();
	}

	/** Joins the horde as a host: what the sagents supervisor does first. */
	@Override
	public void start() {
		this.node.start();
	}

	/**
	 * Joins the horde as a proxy node, on a node that runs no sagents supervisor: from here every
	 * process can be started (on the members that host), called, looked up and followed, and none
	 * runs here. Leave with {@link #drain()} then {@link #stop()}.
	 */
	public void startWithoutHosting() {
		this.node.startWithoutHosting();
	}

	@Override
	public void drain() {
		this.node.drain();
	}

	@Override
	public void stop() {
		this.node.stop();
	}

}
