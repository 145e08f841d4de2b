package dev.sagents.sample.web;

import java.time.Duration;

import dev.sagents.agent.InvalidAgentIdException;
import dev.sagents.cluster.NoHostAvailableException;
import dev.sagents.filesystem.InvalidPathException;
import dev.sagents.filesystem.InvalidScopeException;
import dev.sagents.persistence.PersistenceUnavailableException;
import dev.sagents.persistence.StateTooLargeException;
import dev.sagents.persistence.UnreadableStateException;
import dev.sagents.process.CallTimeoutException;
import dev.sagents.process.MailboxFullException;
import dev.sagents.process.MemberLostException;
import dev.sagents.process.MessageTooLargeException;
import dev.sagents.process.ProcessFailedException;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessNotRunningException;
import dev.sagents.process.ProcessStartException;
import dev.sagents.process.SagentsException;
import dev.sagents.process.StaleActivationException;
import dev.sagents.registry.RegistryUnavailableException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns sagents exceptions into RFC 9457 problem details. Spring MVC's own errors (malformed JSON,
 * an unsupported media type) become problem details of type {@code about:blank} through
 * {@code spring.mvc.problemdetails.enabled}.
 */
@RestControllerAdvice
public class SagentsProblemHandler {

	/**
	 * What {@code Retry-After} tells a client whose request failed because the store cannot be
	 * reached: long enough not to hammer a database that is coming back, short enough to notice it is.
	 */
	static final Duration PERSISTENCE_RETRY_AFTER = Duration.ofSeconds(5);

	/**
	 * What {@code Retry-After} tells a client whose message a full mailbox refused: an agent
	 * handles thousands of messages a second, so room is back soon.
	 */
	static final Duration MAILBOX_RETRY_AFTER = Duration.ofSeconds(1);

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

	/**
	 * The agent's mailbox holds {@code sagents.agents.mailbox-capacity} messages already: the
	 * message was refused, not queued, so the client may send it again after a moment.
	 */
	@ExceptionHandler(MailboxFullException.class)
	ResponseEntity<ProblemDetail> mailboxFull(MailboxFullException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(MAILBOX_RETRY_AFTER.toSeconds()))
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "mailbox-full", "Agent busy", ex.getMessage()));
	}

	/** Horde mode: the message, once encoded, is over {@code sagents.horde.max-message-size}. */
	@ExceptionHandler(MessageTooLargeException.class)
	ProblemDetail messageTooLarge(MessageTooLargeException ex) {
		return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "message-too-large", "Message too large", ex.getMessage());
	}

	@ExceptionHandler(CallTimeoutException.class)
	ProblemDetail timeout(CallTimeoutException ex) {
		return Problems.of(HttpStatus.GATEWAY_TIMEOUT, "call-timeout", "No reply in time", ex.getMessage());
	}

	/**
	 * The store (the database of {@code sagents.persistence.store=jdbc}) cannot be reached: the
	 * message's state change, or the start's claim, was not stored and the agent keeps its previous
	 * state. Service comes back by itself with the database, so the client retries later.
	 */
	@ExceptionHandler(PersistenceUnavailableException.class)
	ResponseEntity<ProblemDetail> persistenceUnavailable(PersistenceUnavailableException ex) {
		return persistenceUnavailable(ex.getMessage());
	}

	/**
	 * A newer copy of the agent runs elsewhere (this one was paused or cut off while the agent
	 * moved): its state change was refused, the newer state stays, and this copy stops. The message
	 * was not applied; a retry reaches the newer copy.
	 */
	@ExceptionHandler(StaleActivationException.class)
	ProblemDetail staleActivation(StaleActivationException ex) {
		return Problems.of(HttpStatus.CONFLICT, "stale-activation", "Stale copy of the agent", ex.getMessage());
	}

	/** The agent's new state is over {@code sagents.persistence.max-state-size}: it keeps its previous one. */
	@ExceptionHandler(StateTooLargeException.class)
	ProblemDetail stateTooLarge(StateTooLargeException ex) {
		return Problems.of(HttpStatus.INSUFFICIENT_STORAGE, "state-too-large", "State too large", ex.getMessage());
	}

	/**
	 * The agent could not start: its stored state cannot be read (it stays as it is, to be
	 * repaired), the store cannot be reached (retry later), or its initialization threw.
	 */
	@ExceptionHandler(ProcessStartException.class)
	ResponseEntity<ProblemDetail> startFailed(ProcessStartException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof PersistenceUnavailableException) {
				return persistenceUnavailable(ex.getMessage());
			}
			if (cause instanceof UnreadableStateException) {
				return ResponseEntity.internalServerError()
					.body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "unreadable-state", "Stored state unreadable",
							cause.getMessage()));
			}
		}
		return ResponseEntity.internalServerError().body(failed(ex));
	}

	/** The agent's handler threw: the agent was restarted from its last persisted state. */
	@ExceptionHandler(ProcessFailedException.class)
	ProblemDetail failed(SagentsException ex) {
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "process-failed", "Process failed", ex.getMessage());
	}

	private static ResponseEntity<ProblemDetail> persistenceUnavailable(String detail) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(PERSISTENCE_RETRY_AFTER.toSeconds()))
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, PersistenceUnavailableException.CODE,
					"Store unavailable", detail));
	}

}
