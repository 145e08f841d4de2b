package dev.sagents.horde;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.sagents.agent.InvalidAgentIdException;
import dev.sagents.agent.UnknownAgentTypeException;
import dev.sagents.codec.MessageDecodingException;
import dev.sagents.codec.MessageEncodingException;
import dev.sagents.codec.UntrustedTypeException;
import dev.sagents.filesystem.FileNotFoundException;
import dev.sagents.filesystem.InvalidPathException;
import dev.sagents.filesystem.InvalidScopeException;
import dev.sagents.persistence.PersistenceUnavailableException;
import dev.sagents.persistence.StateTooLargeException;
import dev.sagents.persistence.UnreadableStateException;
import dev.sagents.process.CallTimeoutException;
import dev.sagents.process.ProcessFailedException;
import dev.sagents.process.MailboxFullException;
import dev.sagents.process.MessageTooLargeException;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessNotRunningException;
import dev.sagents.process.ProcessStartException;
import dev.sagents.process.RemoteCauseException;
import dev.sagents.process.StaleActivationException;
import dev.sagents.registry.RegistryState;
import dev.sagents.registry.RegistryUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors on the serving side of a call: a known refusal reaches the caller as its own type with
 * its fields, anything else by its class name and message, and the outcome tells the caller what
 * to do next.
 */
class RemoteErrorsTests {

	private static final ProcessKey KEY = ProcessKey.agent("a1");

	@Test
	void everyKnownRefusalReachesTheCallerAsItsOwnTypeWithItsFields() {
		List<Exception> refusals = List.of(new InvalidPathException("s1", "../x", "leaves the scope"),
				new FileNotFoundException("s1", "a.txt"), new InvalidScopeException("bad scope"),
				new UnknownAgentTypeException("nope", Set.of("tally")), new InvalidAgentIdException("bad id"),
				new UntrustedTypeException("com.example.Evil"), new RegistryUnavailableException(RegistryState.DRAINING),
				new MessageEncodingException("java.util.ArrayDeque", "it is neither a List nor a Set"),
				new StaleActivationException(KEY, 3), new StateTooLargeException("a1", 2048, 1024),
				new PersistenceUnavailableException("could not claim agent 'a1' (Connection refused)", null),
				new ProcessStartException(KEY,
						new PersistenceUnavailableException("could not claim agent 'a1' (Connection refused)", null)),
				new UnreadableStateException("a1", new MessageDecodingException("com.example.Count", "not JSON", null)),
				new MailboxFullException(KEY, 10_000), new MessageTooLargeException(2_000_000, 1_048_576));
		for (Exception refusal : refusals) {
			Reply reply = RemoteErrors.asReply(refusal);
			assertThat(reply.outcome()).as(refusal.getClass().getSimpleName()).isEqualTo(Reply.Outcome.REFUSED);
			assertThat(RemoteErrors.decode(reply.data())).isExactlyInstanceOf(refusal.getClass())
				.hasMessage(refusal.getMessage());
		}
		InvalidPathException path = (InvalidPathException) RemoteErrors
			.decode(RemoteErrors.encode(new InvalidPathException("s1", "../x", "leaves the scope")));
		assertThat(path.scope()).isEqualTo("s1");
		assertThat(path.path()).isEqualTo("../x");
		assertThat(path.reason()).isEqualTo("leaves the scope");
		FileNotFoundException missing = (FileNotFoundException) RemoteErrors
			.decode(RemoteErrors.encode(new FileNotFoundException("s1", "a.txt")));
		assertThat(missing.scope()).isEqualTo("s1");
		assertThat(missing.path()).isEqualTo("a.txt");
		UnknownAgentTypeException unknown = (UnknownAgentTypeException) RemoteErrors
			.decode(RemoteErrors.encode(new UnknownAgentTypeException("nope", Set.of("tally", "echo"))));
		assertThat(unknown.type()).isEqualTo("nope");
		assertThat(unknown.known()).containsExactlyInAnyOrder("tally", "echo");
		UnknownAgentTypeException noneKnown = (UnknownAgentTypeException) RemoteErrors
			.decode(RemoteErrors.encode(new UnknownAgentTypeException("nope", Set.of())));
		assertThat(noneKnown.known()).as("no behaviour known").isEmpty();
		RegistryUnavailableException unavailable = (RegistryUnavailableException) RemoteErrors
			.decode(RemoteErrors.encode(new RegistryUnavailableException(RegistryState.STOPPED)));
		assertThat(unavailable.state()).isEqualTo(RegistryState.STOPPED);
		MessageEncodingException encoding = (MessageEncodingException) RemoteErrors
			.decode(RemoteErrors.encode(new MessageEncodingException("java.util.ArrayDeque", "send a List")));
		assertThat(encoding.type()).isEqualTo("java.util.ArrayDeque");
		assertThat(encoding.reason()).isEqualTo("send a List");
		RegistryUnavailableException hostsNothing = (RegistryUnavailableException) RemoteErrors
			.decode(RemoteErrors.encode(new RegistryUnavailableException(RegistryState.RUNNING, "it hosts nothing")));
		assertThat(hostsNothing).as("the reason travels with the state")
			.hasMessage("The sagents registry is unavailable on this node: it hosts nothing");
		StaleActivationException stale = (StaleActivationException) RemoteErrors
			.decode(RemoteErrors.encode(new StaleActivationException(KEY, 3)));
		assertThat(stale.key()).isEqualTo(KEY);
		assertThat(stale.epoch()).isEqualTo(3);
		StateTooLargeException tooLarge = (StateTooLargeException) RemoteErrors
			.decode(RemoteErrors.encode(new StateTooLargeException("a1", 2048, 1024)));
		assertThat(tooLarge.agentId()).isEqualTo("a1");
		assertThat(tooLarge.size()).isEqualTo(2048);
		assertThat(tooLarge.limit()).isEqualTo(1024);
		MailboxFullException full = (MailboxFullException) RemoteErrors
			.decode(RemoteErrors.encode(new MailboxFullException(KEY, 10_000)));
		assertThat(full.key()).isEqualTo(KEY);
		assertThat(full.capacity()).isEqualTo(10_000);
		MessageTooLargeException messageTooLarge = (MessageTooLargeException) RemoteErrors
			.decode(RemoteErrors.encode(new MessageTooLargeException(2_000_000, 1_048_576)));
		assertThat(messageTooLarge.size()).isEqualTo(2_000_000);
		assertThat(messageTooLarge.limit()).isEqualTo(1_048_576);
	}

	@Test
	void aStartThatFailedReachesTheCallerWithItsCauseAsTheyWereThrown() {
		ProcessStartException unreadable = (ProcessStartException) RemoteErrors.decode(RemoteErrors.encode(
				new ProcessStartException(KEY, new UnreadableStateException("a1", new UntrustedTypeException("com.example.Evil")))));
		assertThat(unreadable.key()).isEqualTo(KEY);
		assertThat(unreadable).cause()
			.isInstanceOfSatisfying(UnreadableStateException.class,
					(cause) -> assertThat(cause.agentId()).isEqualTo("a1"))
			.cause()
			.isInstanceOfSatisfying(UntrustedTypeException.class,
					(cause) -> assertThat(cause.type()).isEqualTo("com.example.Evil"));
		MessageDecodingException decoding = (MessageDecodingException) RemoteErrors.decode(RemoteErrors
			.encode(new MessageDecodingException("com.example.Count", "not JSON", new IllegalStateException("{x"))));
		assertThat(decoding.type()).isEqualTo("com.example.Count");
		assertThat(decoding.reason()).isEqualTo("not JSON");
		assertThat(decoding).as("the codec's own exception, which may quote the payload, stays").hasNoCause();
		ProcessStartException threw = (ProcessStartException) RemoteErrors
			.decode(RemoteErrors.encode(new ProcessStartException(KEY, new IllegalStateException("boom"))));
		assertThat(threw).cause().isInstanceOf(RemoteCauseException.class)
			.hasMessage("java.lang.IllegalStateException: boom");
	}

	@Test
	void anyOtherErrorReachesTheCallerByItsClassNameAndMessage() {
		Reply reply = RemoteErrors.asReply(new IllegalStateException("broken"));
		assertThat(reply.outcome()).isEqualTo(Reply.Outcome.FAILED);
		RemoteCauseException cause = (RemoteCauseException) RemoteErrors.decode(reply.data());
		assertThat(cause.remoteClassName()).isEqualTo(IllegalStateException.class.getName());
		assertThat(cause).hasMessage("java.lang.IllegalStateException: broken");
		assertThat(RemoteErrors.decode(RemoteErrors.encode(new IOException()))).hasMessage("java.io.IOException: null");
	}

	@Test
	void aHandlerThatCrashedIsReportedWithWhatItThrew() {
		Reply reply = RemoteErrors.asReply(new ProcessFailedException(KEY, new ArithmeticException("/ by zero")));
		assertThat(reply.outcome()).isEqualTo(Reply.Outcome.FAILED);
		assertThat(RemoteErrors.decode(reply.data())).isInstanceOf(RemoteCauseException.class)
			.hasMessage("java.lang.ArithmeticException: / by zero");
	}

	@Test
	void aProcessThatEndedOrMovedSendsTheCallerToLookItUpAgain() {
		assertThat(RemoteErrors.asReply(new ProcessNotRunningException(KEY)).outcome()).isEqualTo(Reply.Outcome.NOT_HERE);
	}

	@Test
	void aCallThatTimedOutOnItsMemberIsReportedAsATimeout() {
		assertThat(RemoteErrors.asReply(new CallTimeoutException(KEY, Duration.ofSeconds(1))).outcome())
			.isEqualTo(Reply.Outcome.TIMEOUT);
	}

}
