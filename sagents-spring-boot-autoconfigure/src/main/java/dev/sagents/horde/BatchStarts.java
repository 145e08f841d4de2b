package dev.sagents.horde;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.persistence.AgentStorage;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;

/**
 * Starts here, one after the other, a batch of processes registered here (a failover's orphans, a
 * handoff): the epochs of the agents among them are first claimed together, ahead, in a few round
 * trips to the store instead of one per agent as each activates. The claims of batches started at
 * the same time (a failover starts one per registry partition) go together as well. What is
 * claimed for a process that does not start is dropped; if claiming ahead fails, each agent claims
 * for itself as it activates, and reports a failure itself.
 */
final class BatchStarts {

	private static final Logger logger = LoggerFactory.getLogger(BatchStarts.class);

	private final Supplier<Optional<AgentStorage>> storage;

	private final Predicate<ProcessKey> runsHere;

	/**
	 * @param storage the agents' storage here, once there is one
	 * @param runsHere whether a process runs here already (it is not claimed ahead)
	 */
	BatchStarts(Supplier<Optional<AgentStorage>> storage, Predicate<ProcessKey> runsHere) {
		this.storage = storage;
		this.runsHere = runsHere;
	}

	/**
	 * Starts each of {@code registrations} with {@code start}, which returns whether it started;
	 * returns those that did. What was claimed ahead for one that did not start is dropped, and so
	 * is what was claimed for it and the rest if a start throws.
	 */
	List<Registration> start(List<Registration> registrations, Predicate<Registration> start) {
		AgentStorage storage = this.storage.get().orElse(null);
		Set<String> claimed = (storage != null) ? claimAhead(storage, registrations) : Set.of();
		List<Registration> started = new ArrayList<>();
		int next = 0;
		try {
			for (; next < registrations.size(); next++) {
				Registration registration = registrations.get(next);
				if (start.test(registration)) {
					started.add(registration);
				}
				else {
					dropClaimAhead(storage, claimed, registration);
				}
			}
		}
		finally {
			for (Registration unstarted : registrations.subList(next, registrations.size())) {
				dropClaimAhead(storage, claimed, unstarted);
			}
		}
		return started;
	}

	private static void dropClaimAhead(AgentStorage storage, Set<String> claimed, Registration registration) {
		if (claimed.contains(registration.key().id())) {
			storage.dropClaimAhead(registration.key().id());
		}
	}

	/** Claims the agents of {@code registrations} not running here yet; returns their ids. */
	private Set<String> claimAhead(AgentStorage storage, List<Registration> registrations) {
		Set<String> ids = registrations.stream()
			.filter((registration) -> registration.key().kind() == ProcessKind.AGENT)
			.filter((registration) -> !this.runsHere.test(registration.key()))
			.map((registration) -> registration.key().id())
			.collect(Collectors.toSet());
		if (ids.isEmpty()) {
			return ids;
		}
		try {
			storage.claimAhead(ids);
			return ids;
		}
		catch (Exception ex) {
			logger.debug("Claiming {} agents ahead of their starts failed; each claims as it activates", ids.size(), ex);
			return Set.of();
		}
	}

}
