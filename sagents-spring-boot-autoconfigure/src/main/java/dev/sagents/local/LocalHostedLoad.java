package dev.sagents.local;

import dev.sagents.metrics.HostedLoad;
import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessKind;

/** What this node's {@link LocalProcessRegistry} holds: in local mode, the whole registry. */
public final class LocalHostedLoad implements HostedLoad {

	private final LocalProcessRegistry registry;

	public LocalHostedLoad(LocalProcessRegistry registry) {
		this.registry = Arguments.notNull(registry, "registry");
	}

	@Override
	public int hosted(ProcessKind kind) {
		return this.registry.countHosted(kind);
	}

	/** Counts the queue of every process this node hosts: a walk over them, for a scrape. */
	@Override
	public MailboxDepths mailboxDepths() {
		int max = 0;
		long sum = 0;
		for (ProcessKind kind : ProcessKind.values()) {
			for (LocalProcess process : (Iterable<LocalProcess>) this.registry.processes(kind)::iterator) {
				int depth = process.depth();
				max = Math.max(max, depth);
				sum += depth;
			}
		}
		return new MailboxDepths(max, sum);
	}

	@Override
	public long registrySize(ProcessKind kind) {
		return hosted(kind);
	}

}
