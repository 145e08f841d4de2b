package dev.sagents.local;

import java.time.Duration;

import dev.sagents.process.ProcessKey;
import dev.sagents.supervisor.RestartIntensity;

/**
 * A process one of this node's local supervisors hosts, of whichever kind: it restarts within its
 * supervisor's restart intensity, a call that names no timeout waits its supervisor's call
 * timeout, and a cast it ended before handling goes to the supervisor's
 * {@link HostingListener} (a clustered backend forwards it to where the process runs next).
 */
abstract class HostedProcess extends LocalProcess {

	private final RestartIntensity restartIntensity;

	private final Duration callTimeout;

	private final HostingListener hosting;

	HostedProcess(ProcessKey key, LocalProcessRuntime runtime, RestartIntensity restartIntensity,
			Duration callTimeout, HostingListener hosting) {
		super(key, runtime);
		this.restartIntensity = restartIntensity;
		this.callTimeout = callTimeout;
		this.hosting = hosting;
	}

	@Override
	public final Duration callTimeout() {
		return this.callTimeout;
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
