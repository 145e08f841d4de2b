package dev.sagents.horde;

import dev.sagents.local.LocalHostedLoad;
import dev.sagents.metrics.HostedLoad;
import dev.sagents.process.ProcessKind;

/**
 * What this member holds: the processes it hosts, and its share of the cluster registry (the
 * entries whose primary copy it holds), read from its own partitions.
 */
public final class HordeHostedLoad implements HostedLoad {

	private final HordeNode node;

	private final LocalHostedLoad hosted;

	public HordeHostedLoad(HordeNode node) {
		this.node = node;
		this.hosted = new LocalHostedLoad(node.hosted());
	}

	@Override
	public int hosted(ProcessKind kind) {
		return this.hosted.hosted(kind);
	}

	@Override
	public MailboxDepths mailboxDepths() {
		return this.hosted.mailboxDepths();
	}

	@Override
	public long registrySize(ProcessKind kind) {
		return this.node.registryShare(kind);
	}

}
