package dev.sagents.horde;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.persistence.ClaimingAhead;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;

/**
 * Starts here, one after the other, a batch of processes registered here (a failover's orphans, a
 * handoff): the epochs of the agents and of the file systems among them are first claimed
 * together, ahead, in a few round trips to their storage instead of one per process as each
 * activates. The claims of batches started at the same time (a failover starts one per registry
 * partition) go together as well. What is claimed for a process that does not start is dropped;
 * if claiming ahead fails, each process claims for itself as it activates, and reports a failure
 * itself.
 */
final class BatchStarts {

	private static final Logger logger = LoggerFactory.getLogger(BatchStarts.class);

	private final Function<ProcessKind, Optional<? extends ClaimingAhead>> storage;

	private final Predicate<ProcessKey> runsHere;

	/**
	 * @param storage what the processes of a kind persist through here, once there is such storage
	 * @param runsHere whether a process runs here already (it is not claimed ahead)
	 */
	BatchStarts(Function<ProcessKind, Optional<? extends ClaimingAhead>> storage, Predicate<ProcessKey> runsHere) {
		this.storage = storage;
		this.runsHere = runsHere;
	}

	/**
	 * Starts each of {@code registrations} with {@code start}, which returns whether it started;
	 * returns those that did. What was claimed ahead for one that did not start is dropped, and so
	 * is what was claimed for it and the rest if a start throws.
	 */
	List<Registration> start(List<Registration> registrations, Predicate<Registration> start) {
		Set<ProcessKey> claimed = claimAhead(registrations);
		List<Registration> started = new ArrayList<>();
		int next = 0;
		try {
			for (; next < registrations.size(); next++) {
				Registration registration = registrations.get(next);
				if (start.test(registration)) {
					started.add(registration);
				}
				else {
					dropClaimAhead(claimed, registration);
				}
			}
		}
		finally {
			for (Registration unstarted : registrations.subList(next, registrations.size())) {
				dropClaimAhead(claimed, unstarted);
			}
		}
		return started;
	}

	private void dropClaimAhead(Set<ProcessKey> claimed, Registration registration) {
		ProcessKey key = registration.key();
		if (claimed.contains(key)) {
			this.storage.apply(key.kind()).ifPresent((storage) -> storage.dropClaimAhead(key.id()));
		}
	}

	/** Claims the processes of {@code registrations} not running here yet, kind by kind; returns those claimed. */
	private Set<ProcessKey> claimAhead(List<Registration> registrations) {
		Map<ProcessKind, Set<ProcessKey>> byKind = registrations.stream()
			.map(Registration::key)
			.filter((key) -> !this.runsHere.test(key))
			.collect(Collectors.groupingBy(ProcessKey::kind, Collectors.toSet()));
		Set<ProcessKey> claimed = new HashSet<>();
		byKind.forEach((kind, keys) -> this.storage.apply(kind).ifPresent((storage) -> {
			try {
				storage.claimAhead(keys.stream().map(ProcessKey::id).toList());
				claimed.addAll(keys);
			}
			catch (Exception ex) {
				logger.debug("Claiming {} {} processes ahead of their starts failed; each claims as it activates",
						keys.size(), kind, ex);
			}
		}));
		return claimed;
	}

}
