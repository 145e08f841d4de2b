package dev.sagents.local;

import dev.sagents.observation.TraceHeaders;
import dev.sagents.process.ProcessKey;
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

	/**
	 * The process under {@code key} is about to start on this node: told before it can handle a
	 * message or publish an event, so that whatever must see all of them is in place (a clustered
	 * backend relays the agent's events to subscribers on other members). Followed by
	 * {@link #started} or {@link #notStarted}.
	 */
	default void starting(ProcessKey key) {
	}

	/**
	 * The start under {@code key} told by {@link #starting} started nothing: a process ran under the
	 * key already (it still runs), or the start failed.
	 */
	default void notStarted(ProcessKey key) {
	}

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
