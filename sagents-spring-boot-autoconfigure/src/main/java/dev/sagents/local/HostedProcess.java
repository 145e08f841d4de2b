package dev.sagents.local;

import dev.sagents.process.ProcessKey;
import dev.sagents.supervisor.RestartIntensity;

/**
 * A process one of this node's local supervisors hosts, of whichever kind: it restarts within its
 * supervisor's restart intensity, and a cast it ended before handling goes to the supervisor's
 * {@link HostingListener} (a clustered backend forwards it to where the process runs next).
 */
abstract class HostedProcess extends LocalProcess {

	private final RestartIntensity restartIntensity;

	private final HostingListener hosting;

	HostedProcess(ProcessKey key, LocalProcessRuntime runtime, RestartIntensity restartIntensity,
			HostingListener hosting) {
		super(key, runtime);
		this.restartIntensity = restartIntensity;
		this.hosting = hosting;
	}

	@Override
	protected void undelivered(Object message) {
		this.hosting.undelivered(this, message);
	}

	@Override
	protected RestartIntensity restartIntensity() {
		return this.restartIntensity;
	}

}
