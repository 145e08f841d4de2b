package dev.sagents.sample.web;

import dev.sagents.agent.InvalidAgentIdException;
import dev.sagents.cluster.NoHostAvailableException;
import dev.sagents.filesystem.InvalidPathException;
import dev.sagents.filesystem.InvalidScopeException;
import dev.sagents.process.CallTimeoutException;
import dev.sagents.process.MemberLostException;
import dev.sagents.process.ProcessFailedException;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessNotRunningException;
import dev.sagents.process.ProcessStartException;
import dev.sagents.process.SagentsException;
import dev.sagents.registry.RegistryUnavailableException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns sagents exceptions into RFC 9457 problem details. Spring MVC's own errors (malformed JSON,
 * an unsupported media type) become problem details of type {@code about:blank} through
 * {@code spring.mvc.problemdetails.enabled}.
 */
@RestControllerAdvice
public class SagentsProblemHandler {

	@ExceptionHandler(ProcessNotRunningException.class)
	ProblemDetail notRunning(ProcessNotRunningException ex) {
		if (ex.key().kind() != ProcessKind.AGENT) {
			return Problems.of(HttpStatus.NOT_FOUND, "process-not-running", "Process not running", ex.getMessage());
		}
		String id = ex.key().id();
		return Problems.of(HttpStatus.NOT_FOUND, "agent-not-running", "Agent not running",
				"Agent '" + id + "' is not running; start it with PUT /api/agents/" + id);
	}

	@ExceptionHandler(InvalidAgentIdException.class)
	ProblemDetail invalidAgentId(InvalidAgentIdException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "invalid-agent-id", "Invalid agent id", ex.getMessage());
	}

	@ExceptionHandler(InvalidScopeException.class)
	ProblemDetail invalidScope(InvalidScopeException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "invalid-scope", "Invalid file-system scope", ex.getMessage());
	}

	@ExceptionHandler(InvalidPathException.class)
	ProblemDetail invalidPath(InvalidPathException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "invalid-path", "Invalid path", ex.getMessage());
	}

	/** The node is starting or draining: the client should retry, possibly on another node. */
	@ExceptionHandler(RegistryUnavailableException.class)
	ProblemDetail unavailable(RegistryUnavailableException ex) {
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable", "Registry unavailable",
				ex.getMessage());
	}

	/**
	 * Horde mode: the node hosting the agent died before it replied. The agent is restarted on
	 * another node, but the message may or may not have been handled, so retrying is the client's
	 * decision.
	 */
	@ExceptionHandler(MemberLostException.class)
	ProblemDetail memberLost(MemberLostException ex) {
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "member-lost", "Hosting node lost", ex.getMessage());
	}

	/** Horde mode: no node may host agents right now (none runs the supervisor, or all are leaving). */
	@ExceptionHandler(NoHostAvailableException.class)
	ProblemDetail noHost(NoHostAvailableException ex) {
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "no-host-available", "No node can host it",
				ex.getMessage());
	}

	@ExceptionHandler(CallTimeoutException.class)
	ProblemDetail timeout(CallTimeoutException ex) {
		return Problems.of(HttpStatus.GATEWAY_TIMEOUT, "call-timeout", "No reply in time", ex.getMessage());
	}

	/**
	 * The agent's handler threw (the agent was restarted from its last persisted state), or the
	 * agent could not start (its stored state could not be read).
	 */
	@ExceptionHandler({ ProcessFailedException.class, ProcessStartException.class })
	ProblemDetail failed(SagentsException ex) {
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "process-failed", "Process failed", ex.getMessage());
	}

}
