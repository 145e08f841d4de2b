package dev.sagents.process;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.sagents.cluster.NoHostAvailableException;
import dev.sagents.registry.ProcessNotRegisteredException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a caller learns from the exceptions sagents throws on purpose: they are all
 * {@link SagentsException}s, and each names the process it concerns, so an application can answer
 * (or retry) per process without parsing messages.
 */
class SagentsExceptionTests {

	private static final ProcessKey KEY = ProcessKey.agent("a1");

	@Test
	void aCallThatGotNoReplyNamesTheProcessAndTheTimeout() {
		CallTimeoutException timeout = new CallTimeoutException(KEY, Duration.ofMillis(1500));
		assertThat(timeout.key()).isEqualTo(KEY);
		assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(1500));
		assertThat(timeout).isInstanceOf(SagentsException.class)
			.hasMessage("Call to 'agent:a1' got no reply within 1500 ms");
	}

	@Test
	void aLostMemberIsNamedWithTheProcessItHosted() {
		MemberLostException lost = new MemberLostException(KEY, "n2");
		assertThat(lost.key()).isEqualTo(KEY);
		assertThat(lost.node()).isEqualTo("n2");
		assertThat(lost).isInstanceOf(SagentsException.class)
			.hasMessage("Member 'n2' hosting 'agent:a1' left the cluster before replying");
	}

	@Test
	void aFailedHandlerOrStartCarriesTheProcessAndTheApplicationsException() {
		IllegalStateException cause = new IllegalStateException("boom");
		ProcessFailedException failed = new ProcessFailedException(KEY, cause);
		assertThat(failed.key()).isEqualTo(KEY);
		assertThat(failed).isInstanceOf(SagentsException.class)
			.hasCause(cause)
			.hasMessage("Process 'agent:a1' failed handling the call: java.lang.IllegalStateException: boom");
		ProcessStartException notStarted = new ProcessStartException(KEY, cause);
		assertThat(notStarted.key()).isEqualTo(KEY);
		assertThat(notStarted).isInstanceOf(SagentsException.class)
			.hasCause(cause)
			.hasMessage("Process 'agent:a1' failed to start: java.lang.IllegalStateException: boom");
	}

	@Test
	void aProcessThatIsNotThereIsNamedWhetherItStoppedOrWasNeverRegistered() {
		ProcessNotRunningException notRunning = new ProcessNotRunningException(KEY);
		assertThat(notRunning.key()).isEqualTo(KEY);
		assertThat(notRunning).isInstanceOf(SagentsException.class).hasMessage("No process is running under 'agent:a1'");
		ProcessNotRegisteredException notRegistered = new ProcessNotRegisteredException(KEY);
		assertThat(notRegistered).isInstanceOf(ProcessNotRunningException.class);
		assertThat(notRegistered.key()).isEqualTo(KEY);
	}

	@Test
	void aProcessNoMemberCanHostIsNamed() {
		NoHostAvailableException noHost = new NoHostAvailableException(KEY);
		assertThat(noHost.key()).isEqualTo(KEY);
		assertThat(noHost).isInstanceOf(SagentsException.class)
			.hasMessage("No sagents member can host 'agent:a1': no member is alive");
	}

	@Test
	void aRemoteCauseKeepsTheRemoteExceptionsClassNameAndMessage() {
		RemoteCauseException remote = new RemoteCauseException("com.example.Unknown", "went wrong");
		assertThat(remote.remoteClassName()).isEqualTo("com.example.Unknown");
		assertThat(remote).isInstanceOf(SagentsException.class).hasMessage("com.example.Unknown: went wrong");
	}

}
