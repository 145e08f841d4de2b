package dev.sagents.local;

import java.time.Duration;

import dev.sagents.process.ProcessKey;
import dev.sagents.supervisor.ExitReason;
import dev.sagents.supervisor.RestartIntensity;

/**
 * A process for tests of the mailbox and its callers: nothing to set up or tear down, the default
 * restart intensity, no refusals, a 10 s call timeout; the test says what it handles.
 */
abstract class StubProcess extends LocalProcess {

	StubProcess(ProcessKey key, LocalProcessRuntime runtime) {
		super(key, runtime);
	}

	@Override
	protected void init() {
	}

	@Override
	protected void terminate(ExitReason reason) {
	}

	@Override
	protected RestartIntensity restartIntensity() {
		return RestartIntensity.defaults();
	}

	@Override
	protected boolean isRefusal(Throwable error) {
		return false;
	}

	@Override
	protected void ended(ExitReason reason, Throwable error) {
	}

	@Override
	public Duration callTimeout() {
		return Duration.ofSeconds(10);
	}

}
