package dev.sagents.local;

import dev.sagents.metrics.SagentsMetrics;
import dev.sagents.process.ProcessKind;
import dev.sagents.supervisor.ExitReason;

/** How the end of a process is counted. */
final class ProcessEnds {

	private ProcessEnds() {
	}

	/**
	 * Reports the end of a process of {@code kind} with {@code reason}: given up on, a start that
	 * failed (the only crash that ends with its {@code error}), or a stop.
	 */
	static void report(SagentsMetrics metrics, ProcessKind kind, ExitReason reason, Throwable error) {
		if (reason == ExitReason.RESTART_LIMIT) {
			metrics.gaveUp(kind);
		}
		else if (reason == ExitReason.CRASH && error != null) {
			metrics.failed(kind);
		}
		else {
			metrics.stopped(kind);
		}
	}

}
