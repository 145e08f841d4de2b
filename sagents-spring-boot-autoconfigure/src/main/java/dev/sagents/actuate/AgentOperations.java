package dev.sagents.actuate;

import java.util.Locale;
import java.util.Map;

import dev.sagents.agent.AgentDetails;
import dev.sagents.agent.AgentInspection;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.cluster.NoHostAvailableException;
import dev.sagents.process.ProcessError;
import dev.sagents.process.ProcessKey;
import dev.sagents.registry.RegistryUnavailableException;
import dev.sagents.supervisor.ProcessFailure;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.supervisor.StartResult;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * What the {@code sagents} endpoint does with one agent: inspect it wherever it runs, stop it, start
 * again one given up after too many crashes. Each answers with its status: {@code 404} for an
 * agent that is not running (or, to restart, not given up), {@code 503} while this node cannot
 * reach the registry (starting, stopped, or, to stop or restart, draining).
 */
public final class AgentOperations {

	private final AgentInspection inspection;

	private final AgentsSupervisor supervisor;

	private final ProcessFailureLog failures;

	/**
	 * @param inspection inspects an agent wherever it runs
	 * @param supervisor stops and starts agents wherever they run
	 * @param failures the processes given up, with what they were started from
	 */
	public AgentOperations(AgentInspection inspection, AgentsSupervisor supervisor, ProcessFailureLog failures) {
		this.inspection = inspection;
		this.supervisor = supervisor;
		this.failures = failures;
	}

	/** Agent {@code id} as its node sees it now. */
	WebEndpointResponse<Object> inspect(String id) {
		try {
			return this.inspection.inspect(id)
				.<WebEndpointResponse<Object>>map((details) -> new WebEndpointResponse<>(AgentDescriptor.of(details)))
				.orElseGet(() -> notRunning(id));
		}
		catch (RegistryUnavailableException ex) {
			return error(WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE, ex);
		}
	}

	/** Stops agent {@code id} wherever it runs, persisting its state. */
	WebEndpointResponse<Object> stop(String id) {
		try {
			return this.supervisor.stopAgent(id) ? new WebEndpointResponse<>(Map.of("id", id, "stopped", true))
					: notRunning(id);
		}
		catch (RegistryUnavailableException ex) {
			return error(WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE, ex);
		}
	}

	/** Starts again agent {@code id}, given up after too many crashes, from what it was started from. */
	WebEndpointResponse<Object> restart(String id) {
		ProcessFailure failure = this.failures.latest(ProcessKey.agent(id)).orElse(null);
		if (failure == null || failure.agentSpec() == null) {
			return new WebEndpointResponse<>(Map.of("error", "Agent '" + id + "' was not given up on this node "
					+ "(or is no longer among its recent failures)"), WebEndpointResponse.STATUS_NOT_FOUND);
		}
		try {
			StartResult<AgentRef> started = this.supervisor.startAgent(failure.agentSpec());
			return new WebEndpointResponse<>(
					Map.of("id", id, "node", started.ref().node(), "alreadyStarted", started.alreadyStarted()));
		}
		catch (RegistryUnavailableException | NoHostAvailableException ex) {
			return error(WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE, ex);
		}
	}

	private static WebEndpointResponse<Object> notRunning(String id) {
		return new WebEndpointResponse<>(Map.of("error", "Agent '" + id + "' is not running"),
				WebEndpointResponse.STATUS_NOT_FOUND);
	}

	static WebEndpointResponse<Object> error(int status, RuntimeException ex) {
		return new WebEndpointResponse<>(Map.of("error", String.valueOf(ex.getMessage())), status);
	}

	/**
	 * One running agent as {@code /actuator/sagents/agents/{id}} shows it.
	 *
	 * @param id its id
	 * @param node the node that hosts it
	 * @param status {@code idle}, {@code running}, {@code error} or {@code stopping}
	 * @param mailboxDepth how many messages wait in its mailbox
	 * @param moves how many times it changed host
	 * @param lastError the last crash it was restarted from (message and time), or {@code null}
	 */
	public record AgentDescriptor(String id, String node, String status, int mailboxDepth, int moves,
			ProcessError lastError) {

		static AgentDescriptor of(AgentDetails details) {
			return new AgentDescriptor(details.id(), details.node(), details.status().name().toLowerCase(Locale.ROOT),
					details.mailboxDepth(), details.moves(), details.lastError());
		}

	}

}
