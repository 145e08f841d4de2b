package dev.sagents.sample.web;

import dev.sagents.agent.InvalidAgentIdException;
import dev.sagents.filesystem.InvalidPathException;
import dev.sagents.process.CallTimeoutException;
import dev.sagents.process.ProcessFailedException;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessNotRunningException;
import dev.sagents.process.SagentsException;
import dev.sagents.registry.RegistryUnavailableException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns sagents exceptions into RFC 9457 problem details. Spring MVC's own errors (malformed JSON,
 * {@code ResponseStatusException}) become problem details through
 * {@code spring.mvc.problemdetails.enabled}.
 */
@RestControllerAdvice
public class SagentsProblemHandler {

	@ExceptionHandler(ProcessNotRunningException.class)
	ProblemDetail notRunning(ProcessNotRunningException ex) {
		String detail = (ex.key().kind() == ProcessKind.AGENT)
				? "Agent '" + ex.key().id() + "' is not running; start it with PUT /api/agents/" + ex.key().id()
				: ex.getMessage();
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
	}

	@ExceptionHandler({ InvalidAgentIdException.class, InvalidPathException.class })
	ProblemDetail invalidRequest(SagentsException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	/** The node is starting or draining: the client should retry, possibly on another node. */
	@ExceptionHandler(RegistryUnavailableException.class)
	ProblemDetail unavailable(RegistryUnavailableException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
	}

	@ExceptionHandler(CallTimeoutException.class)
	ProblemDetail timeout(CallTimeoutException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT, ex.getMessage());
	}

	/** The agent's handler threw; the agent was restarted from its last persisted state. */
	@ExceptionHandler(ProcessFailedException.class)
	ProblemDetail failed(ProcessFailedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, ex.getMessage());
	}

}
