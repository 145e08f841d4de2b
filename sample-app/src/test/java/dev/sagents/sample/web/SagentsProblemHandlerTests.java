package dev.sagents.sample.web;

import java.sql.SQLTransientConnectionException;

import dev.sagents.cluster.NoHostAvailableException;
import dev.sagents.codec.MessageDecodingException;
import dev.sagents.persistence.PersistenceUnavailableException;
import dev.sagents.persistence.UnreadableStateException;
import dev.sagents.process.MailboxFullException;
import dev.sagents.process.MemberLostException;
import dev.sagents.process.MessageTooLargeException;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessStartException;
import dev.sagents.process.StaleActivationException;
import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problems a single-node test cannot provoke over HTTP: those only horde mode raises, and the
 * store's failures that need several nodes or a broken row.
 */
class SagentsProblemHandlerTests {

	private static final String TYPE_PREFIX = "tag:sagents.dev,2026:problem:";

	private final SagentsProblemHandler handler = new SagentsProblemHandler();

	@Test
	void lostHostingNodeIsServiceUnavailable() {
		ProblemDetail problem = this.handler.memberLost(new MemberLostException(ProcessKey.agent("alice"), "n3"));

		assertThat(problem.getStatus()).isEqualTo(503);
		assertThat(problem.getType()).hasToString(TYPE_PREFIX + "member-lost");
		assertThat(problem.getDetail()).contains("'n3'", "agent:alice");
	}

	@Test
	void noHostIsServiceUnavailable() {
		ProblemDetail problem = this.handler.noHost(new NoHostAvailableException(ProcessKey.agent("alice")));

		assertThat(problem.getStatus()).isEqualTo(503);
		assertThat(problem.getType()).hasToString(TYPE_PREFIX + "no-host-available");
		assertThat(problem.getDetail()).isNotBlank();
	}

	@Test
	void persistenceUnavailableIsServiceUnavailableWithRetryAfter() {
		ResponseEntity<ProblemDetail> response = this.handler.persistenceUnavailable(
				new PersistenceUnavailableException("could not write", new SQLTransientConnectionException("refused")));

		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
		assertThat(response.getBody().getType()).hasToString(TYPE_PREFIX + "persistence-unavailable");
		assertThat(response.getBody().getDetail()).contains("could not write");
	}

	@Test
	void startWithoutTheStoreIsServiceUnavailableWithRetryAfter() {
		ResponseEntity<ProblemDetail> response = this.handler.startFailed(new ProcessStartException(
				ProcessKey.agent("alice"), new PersistenceUnavailableException("could not claim", null)));

		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
		assertThat(response.getBody().getType()).hasToString(TYPE_PREFIX + "persistence-unavailable");
	}

	@Test
	void fullMailboxIsServiceUnavailableWithRetryAfterOneSecond() {
		ResponseEntity<ProblemDetail> response = this.handler
			.mailboxFull(new MailboxFullException(ProcessKey.agent("alice"), 10_000));

		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
		assertThat(response.getBody().getType()).hasToString(TYPE_PREFIX + "mailbox-full");
		assertThat(response.getBody().getDetail()).contains("agent:alice", "10000");
	}

	@Test
	void messageOverTheSizeLimitIsContentTooLarge() {
		ProblemDetail problem = this.handler.messageTooLarge(new MessageTooLargeException(2_000_000, 1_048_576));

		assertThat(problem.getStatus()).isEqualTo(413);
		assertThat(problem.getType()).hasToString(TYPE_PREFIX + "message-too-large");
		assertThat(problem.getDetail()).contains("2000000", "1048576");
	}

	@Test
	void staleCopyIsAConflict() {
		ProblemDetail problem = this.handler.staleActivation(new StaleActivationException(ProcessKey.agent("alice"), 3));

		assertThat(problem.getStatus()).isEqualTo(409);
		assertThat(problem.getType()).hasToString(TYPE_PREFIX + "stale-activation");
		assertThat(problem.getDetail()).contains("agent:alice", "epoch 3");
	}

	@Test
	void unreadableStoredStateNamesTheAgent() {
		ResponseEntity<ProblemDetail> response = this.handler.startFailed(new ProcessStartException(
				ProcessKey.agent("alice"), new UnreadableStateException("alice",
						new MessageDecodingException("com.example.Gone", "no such trusted type", null))));

		assertThat(response.getStatusCode().value()).isEqualTo(500);
		assertThat(response.getBody().getType()).hasToString(TYPE_PREFIX + "unreadable-state");
		assertThat(response.getBody().getDetail()).contains("'alice'", "com.example.Gone");
	}

	@Test
	void otherStartFailureIsAProcessFailure() {
		ResponseEntity<ProblemDetail> response = this.handler
			.startFailed(new ProcessStartException(ProcessKey.agent("alice"), new IllegalStateException("boom")));

		assertThat(response.getStatusCode().value()).isEqualTo(500);
		assertThat(response.getBody().getType()).hasToString(TYPE_PREFIX + "process-failed");
	}

}
