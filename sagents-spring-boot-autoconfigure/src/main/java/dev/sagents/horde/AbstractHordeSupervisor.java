package dev.sagents.horde;

import java.util.Optional;

import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessRef;
import dev.sagents.supervisor.SagentsLifecycle;

/**
 * What the horde's agents and file-system supervisors share: the node they work through, the
 * lookups and stops of one kind by id, and the local supervisor that kind runs in on this node,
 * whose lifecycle is theirs. On stop its processes stop (and are queued for their handoff), then
 * the node waits for the handoffs.
 */
abstract class AbstractHordeSupervisor implements SagentsLifecycle {

	protected final HordeNode node;

	private final SagentsLifecycle hosted;

	/** @param hosted the local supervisor this kind runs in on this node */
	AbstractHordeSupervisor(HordeNode node, SagentsLifecycle hosted) {
		this.node = node;
		this.hosted = hosted;
	}

	/** The process of {@code kind} under {@code id}, wherever it runs; none for an id no process can have. */
	<R extends ProcessRef> Optional<R> find(ProcessKind kind, String id, Class<R> refType) {
		if (!ProcessKey.isValidId(id)) {
			return Optional.empty();
		}
		return this.node.placement().lookup(new ProcessKey(kind, id), refType);
	}

	/** Stops the process of {@code kind} under {@code id} wherever it runs; {@code false} if it was not running. */
	boolean stop(ProcessKind kind, String id) {
		return ProcessKey.isValidId(id) && this.node.placement().stop(new ProcessKey(kind, id));
	}

	@Override
	public void start() {
		this.hosted.start();
	}

	@Override
	public void stop() {
		this.hosted.stop();
		this.node.awaitHandoffs();
	}

}
