package dev.sagents.horde;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.sagents.observation.TraceHeaders;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessRef;
import dev.sagents.supervisor.ExitReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * What the horde does when this node's supervisors start or end a process: an agent's subscribers
 * are relayed to before it starts, messages that waited for it are delivered, an ended process is handed off, and
 * a cast nobody handled is sent on.
 */
class HostingNoticesTests {

	private static final ProcessKey AGENT = ProcessKey.agent("a1");

	private static final ProcessKey FILE_SYSTEM = ProcessKey.fileSystem("s1");

	private final ArrivingProcesses arriving = new ArrivingProcesses(Duration.ofMinutes(1), Runnable::run,
			new ManualTimer().timer());

	private final HordeEvents events = mock(HordeEvents.class);

	private final Handoff handoff = mock(Handoff.class);

	private final CastForwarder forwarder = mock(CastForwarder.class);

	private final HostingNotices notices = new HostingNotices(this.arriving, this.events, this.handoff, this.forwarder);

	private final List<String> handled = new CopyOnWriteArrayList<>();

	@Test
	void anAgentAboutToStartIsRelayedToItsSubscribersBeforeItCanBeCalledUntilItStartedOrDidNot() {
		this.notices.starting(AGENT);
		then(this.events).should().agentStarting("a1");
		this.notices.started(process(AGENT));
		then(this.events).should().agentStarted("a1");
		this.notices.notStarted(AGENT);
		then(this.events).should().agentNotStarting("a1");
		this.notices.starting(FILE_SYSTEM);
		this.notices.started(process(FILE_SYSTEM));
		this.notices.notStarted(FILE_SYSTEM);
		then(this.events).shouldHaveNoMoreInteractions();
	}

	@Test
	void aProcessThatStartedGetsTheMessagesThatWaitedForIt() {
		this.arriving.await(AGENT, "draining", () -> this.handled.add("agent"));
		this.arriving.await(FILE_SYSTEM, "draining", () -> this.handled.add("file system"));
		this.notices.started(process(AGENT));
		this.notices.started(process(FILE_SYSTEM));
		assertThat(this.handled).containsExactly("agent", "file system");
	}

	@Test
	void anAgentThatEndedStopsItsRelaysAndIsHandedOff() {
		ProcessRef agent = process(AGENT);
		this.notices.ended(agent, ExitReason.SHUTDOWN);
		then(this.events).should().agentEnded("a1");
		then(this.handoff).should().processEnded(agent, ExitReason.SHUTDOWN);
	}

	@Test
	void aFileSystemThatEndedIsHandedOffWithoutRelaysToStop() {
		ProcessRef fileSystem = process(FILE_SYSTEM);
		this.notices.ended(fileSystem, ExitReason.NORMAL);
		then(this.events).should(never()).agentEnded(anyString());
		then(this.handoff).should().processEnded(fileSystem, ExitReason.NORMAL);
	}

	@Test
	void aCastTheProcessDidNotHandleIsSentOnToWhereItRunsNextInItsSendersTrace() {
		TraceHeaders headers = new TraceHeaders("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", null);
		this.notices.undelivered(process(AGENT), "tick", headers);
		then(this.forwarder).should().forward(AGENT, "tick", headers);
	}

	private static ProcessRef process(ProcessKey key) {
		ProcessRef process = mock(ProcessRef.class);
		given(process.key()).willReturn(key);
		return process;
	}

}
