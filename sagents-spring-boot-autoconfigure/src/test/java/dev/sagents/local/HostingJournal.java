package dev.sagents.local;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.sagents.observation.TraceHeaders;
import dev.sagents.process.ProcessRef;
import dev.sagents.supervisor.ExitReason;

/**
 * A hosting listener that writes down what it is told, as {@code started KEY}, {@code ended KEY
 * REASON} and {@code undelivered KEY MESSAGE}: what a clustered backend would learn of the
 * processes this node hosts.
 */
class HostingJournal implements HostingListener {

	final List<String> notices = new CopyOnWriteArrayList<>();

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
