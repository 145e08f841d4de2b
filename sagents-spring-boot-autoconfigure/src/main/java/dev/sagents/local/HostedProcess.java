package dev.sagents.local;

import java.time.Duration;

import dev.sagents.process.ProcessKey;
import dev.sagents.supervisor.RestartIntensity;

/**
 * A process one of this node's local supervisors hosts, of whichever kind: it restarts within its
 * supervisor's restart intensity, a call that names no timeout waits its supervisor's call
 * timeout, and a cast it ended before handling goes to the supervisor's
 * {@link HostingListener} (a clustered backend forwards it to where the process runs next): the
 * {@link HostingTerms} its supervisor shares with all its processes.
 */
abstract class HostedProcess extends LocalProcess {

	private final HostingTerms terms;

	HostedProcess(ProcessKey key, LocalProcessRuntime runtime, HostingTerms terms) {
		super(key, runtime);
		this.terms = terms;
	}

	@Override
	public final Duration callTimeout() {
		return this.terms.callTimeout();
	}

	@Override
	protected void undelivered(Object message) {
		// It goes on to where the process runs next, if anywhere, in its sender's trace.
		this.terms.hosting().undelivered(this, TracedCast.message(message), TracedCast.headers(message));
	}

	@Override
	protected RestartIntensity restartIntensity() {
		return this.terms.restartIntensity();
	}

}
