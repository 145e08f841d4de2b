package dev.sagents.horde;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.hazelcast.core.HazelcastJsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.registry.RegistryState;

/**
 * The restart, here, of orphans a recovery claimed for this member: a batch at a time
 * ({@link BatchStarts}, so their epochs are claimed together), then every member, this
 * one included, is told where they restarted ({@link RestartedProcesses}).
 */
final class OrphanRestarts {

	private static final Logger logger = LoggerFactory.getLogger(OrphanRestarts.class);

	private final NodeContext node;

	private final BatchStarts starts;

	private final BiConsumer<Registration, HazelcastJsonValue> startRegistered;

	private final RestartedProcesses restartedProcesses;

	/**
	 * @param startRegistered starts here a process registered here (id to JSON), or removes its
	 * registration if it does not start
	 */
	OrphanRestarts(NodeContext node, BatchStarts starts, BiConsumer<Registration, HazelcastJsonValue> startRegistered,
			RestartedProcesses restartedProcesses) {
		this.node = node;
		this.starts = starts;
		this.startRegistered = startRegistered;
		this.restartedProcesses = restartedProcesses;
	}

	/**
	 * Starts the processes registered here under {@code registrations} (id to registration), one
	 * after the other: a start only creates the process (its state loads on its own thread), and
	 * one task per start would queue thousands ahead of everything else the blocking threads do.
	 * Returns how many started.
	 */
	int start(ProcessKind kind, Map<String, HazelcastJsonValue> registrations) {
		List<Registration> claimed = registrations.entrySet()
			.stream()
			.map((entry) -> Registration.fromJson(new ProcessKey(kind, entry.getKey()), entry.getValue()))
			.toList();
		List<ProcessKey> started = this.starts
			.start(claimed, (registration) -> start(registration, registrations.get(registration.key().id())))
			.stream()
			.map(Registration::key)
			.toList();
		announce(started);
		return started.size();
	}

	/** Starts a process whose registration ({@code json}) names this member; returns whether it started. */
	private boolean start(Registration registration, HazelcastJsonValue json) {
		try {
			this.startRegistered.accept(registration, json);
			return true;
		}
		catch (RuntimeException ex) {
			if (this.node.state().is(RegistryState.RUNNING)) {
				logger.warn("Could not start {}, which this member took over", registration.key(), ex);
			}
			return false;
		}
	}

	/** Tells every member, this one included, that the processes under {@code keys} restarted here. */
	private void announce(List<ProcessKey> keys) {
		if (keys.isEmpty()) {
			return;
		}
		String self = this.node.localMember();
		this.restartedProcesses.restarted(keys, new RestartedProcesses.Location(self, this.node.nodeName()));
		for (String member : this.node.membership().memberIds()) {
			if (!member.equals(self)) {
				this.node.transport().restarted(member, keys);
			}
		}
	}

}
