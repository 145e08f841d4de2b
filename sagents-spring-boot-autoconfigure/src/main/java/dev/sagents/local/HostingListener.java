package dev.sagents.local;

import dev.sagents.observation.TraceHeaders;
import dev.sagents.process.ProcessRef;
import dev.sagents.supervisor.ExitReason;

/**
 * Told when a process hosted on this node starts or ends for good; how a clustered backend keeps
 * its cluster-wide registry in step with what this node hosts. Called on the thread that started
 * or ended the process; keep it short.
 */
public interface HostingListener {

	/** Does nothing: the local backend needs no notice. */
	HostingListener NONE = new HostingListener() {
	};

	/** {@code process} was started on this node (not called for one found running). */
	default void started(ProcessRef process) {
	}

	/** {@code process} ended for good with {@code reason}; it is already unregistered locally. */
	default void ended(ProcessRef process, ExitReason reason) {
	}

	/**
	 * {@code process} ended before handling {@code message}, a cast, sent in the trace of
	 * {@code headers} ({@code null}: none or not observed); by default it is dropped. A clustered
	 * backend forwards it, with its headers, so that one trace spans the hop. Called on whichever
	 * thread found it undelivered.
	 */
	default void undelivered(ProcessRef process, Object message, TraceHeaders headers) {
	}

}
