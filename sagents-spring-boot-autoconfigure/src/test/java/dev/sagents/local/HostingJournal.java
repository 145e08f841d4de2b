package dev.sagents.local;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import dev.sagents.observation.TraceHeaders;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessRef;
import dev.sagents.supervisor.ExitReason;

/**
 * A hosting listener that writes down what it is told, as {@code starting KEY} (with
 * {@code (running)} when a process ran under the key as it was told), {@code started KEY},
 * {@code not started KEY},
 * {@code ended KEY REASON} and {@code undelivered KEY MESSAGE}: what a clustered backend would learn of the
 * processes this node hosts.
 */
class HostingJournal implements HostingListener {

	final List<String> notices = new CopyOnWriteArrayList<>();

	/** Whether a process runs under a key; a start told while one does is written down so. */
	private Predicate<ProcessKey> running = (key) -> false;

	HostingJournal seeRunning(Predicate<ProcessKey> running) {
		this.running = running;
		return this;
	}

	@Override
	public void starting(ProcessKey key) {
		this.notices.add("starting " + key + (this.running.test(key) ? " (running)" : ""));
	}

	@Override
	public void notStarted(ProcessKey key) {
		this.notices.add("not started " + key);
	}

	@Override
	public void started(ProcessRef process) {
		this.notices.add("started " + process.key());
	}

	@Override
	public void ended(ProcessRef process, ExitReason reason) {
		this.notices.add("ended " + process.key() + " " + reason);
	}

	@Override
	public void undelivered(ProcessRef process, Object message, TraceHeaders headers) {
		this.notices.add("undelivered " + process.key() + " " + message);
	}

}
