package dev.sagents.horde;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.local.LocalProcess;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessRef;
import dev.sagents.registry.RegistryState;
import dev.sagents.supervisor.ExitReason;

/**
 * Moves processes this node hosts, while it runs, to another member, by the graceful handoff a
 * draining node uses ({@link Handoff}): each is marked as leaving, stopped after the message it
 * handles (so it persists its state), then offered to the member, which starts it with that state
 * and registers it. Calls that reach this node meanwhile are sent on ({@code MOVED}), casts
 * forwarded, and the messages queued behind the stop fail over to the new host, so none is lost
 * and no call fails. A process the member does not take starts here again.
 */
final class Relocations {

	private static final Logger logger = LoggerFactory.getLogger(Relocations.class);

	private final NodeContext node;

	private final HostedProcesses hosted;

	private final Destinations destinations;

	private final Handoff handoff;

	private final Consumer<ProcessKey> restartIfRegisteredHere;

	/**
	 * @param restartIfRegisteredHere starts here again a process that ended here, if the registry
	 * still names this member
	 */
	Relocations(NodeContext node, HostedProcesses hosted, Destinations destinations, Handoff handoff,
			Consumer<ProcessKey> restartIfRegisteredHere) {
		this.node = node;
		this.hosted = hosted;
		this.destinations = destinations;
		this.handoff = handoff;
		this.restartIfRegisteredHere = restartIfRegisteredHere;
	}

	/**
	 * Moves {@code keys}, hosted here, to member {@code owner}. Completes with how many it took,
	 * once it confirmed; those it did not take started here again by then. A key that does not run
	 * here, or ends otherwise meanwhile (stopped for good, idle), is left out.
	 */
	CompletableFuture<Integer> move(String owner, List<ProcessKey> keys) {
		List<LocalProcess> processes = keys.stream()
			.map(this.hosted::runningHere)
			.flatMap(Optional::stream)
			.map(LocalProcess.class::cast)
			.toList();
		this.destinations.leaving(processes.stream().map(ProcessRef::key).toList());
		List<CompletableFuture<Registration>> stopped = new ArrayList<>();
		for (LocalProcess process : processes) {
			// Taken before it ends: its moves are forgotten once it ended.
			Registration registration = this.hosted.registrationOf(process, this.node.localMember(),
					this.node.nodeName());
			stopped.add(process.requestStop(ExitReason.SHUTDOWN)
				.thenApply((reason) -> (reason == ExitReason.SHUTDOWN) ? registration : null));
		}
		return CompletableFuture.allOf(stopped.toArray(CompletableFuture[]::new)).thenCompose((ended) -> {
			List<Registration> registrations = stopped.stream().map(CompletableFuture::join).filter(Objects::nonNull)
				.toList();
			return this.handoff.offer(owner, registrations).thenApply((offered) -> {
				// The registry names the owner now: callers that still come here follow it.
				this.destinations.forget(offered.taken(), owner);
				offered.left().forEach(this::startAgainHere);
				return offered.taken().size();
			});
		});
	}

	/** Starts {@code key} here again, unless this node stopped running (its survivors restart it then). */
	private void startAgainHere(ProcessKey key) {
		if (!this.node.state().is(RegistryState.RUNNING)) {
			return;
		}
		CompletableFuture.runAsync(() -> this.restartIfRegisteredHere.accept(key), this.node.blocking())
			.exceptionally((error) -> {
				logger.warn("{} was not taken by the member it was moving to, and could not start here again", key, error);
				return null;
			});
	}

}
