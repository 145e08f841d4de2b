package dev.sagents.horde;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.sagents.process.ProcessKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ArrivingProcessesTests {

	private static final ProcessKey AGENT = ProcessKey.agent("travelling");

	private static final ProcessKey OTHER = ProcessKey.agent("other");

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	private final List<String> handled = new CopyOnWriteArrayList<>();

	@AfterEach
	void stopTimer() {
		this.timer.shutdownNow();
	}

	@Test
	void messagesWaitUntilTheirProcessStartsThenAreHandledInTheOrderTheyCame() {
		ArrivingProcesses arriving = new ArrivingProcesses(Duration.ofMinutes(1), Runnable::run, this.timer);
		arriving.await(AGENT, "draining", () -> this.handled.add("first"));
		arriving.await(AGENT, "draining", () -> this.handled.add("second"));
		arriving.await(OTHER, "draining", () -> this.handled.add("other"));
		assertThat(this.handled).isEmpty();
		arriving.started(AGENT);
		assertThat(this.handled).containsExactly("first", "second");
		arriving.started(AGENT);
		assertThat(this.handled).as("each message is handled once").containsExactly("first", "second");
	}

	@Test
	void messagesStopWaitingWhenTheMemberHandingOverLeft() {
		ArrivingProcesses arriving = new ArrivingProcesses(Duration.ofMinutes(1), Runnable::run, this.timer);
		arriving.await(AGENT, "left", () -> this.handled.add("from the member that left"));
		arriving.await(OTHER, "still draining", () -> this.handled.add("from the other"));
		arriving.memberLeft("left");
		assertThat(this.handled).containsExactly("from the member that left");
		arriving.started(AGENT);
		assertThat(this.handled).containsExactly("from the member that left");
	}

	@Test
	void messagesStopWaitingAfterThePatience() {
		ArrivingProcesses arriving = new ArrivingProcesses(Duration.ofMillis(50), Runnable::run, this.timer);
		arriving.await(AGENT, "draining", () -> this.handled.add("waited"));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.handled.contains("waited"));
		arriving.started(AGENT);
		arriving.memberLeft("draining");
		assertThat(this.handled).as("handled once, when the wait ended").containsExactly("waited");
	}

	@Test
	void theEndOfOneMessagesWaitLeavesTheLaterMessagesForItsProcessWaiting() {
		ManualTimer patience = new ManualTimer();
		ArrivingProcesses arriving = new ArrivingProcesses(Duration.ofMinutes(1), Runnable::run, patience.timer());
		arriving.await(AGENT, "draining", () -> this.handled.add("first"));
		arriving.await(AGENT, "draining", () -> this.handled.add("second"));
		patience.fire(0);
		assertThat(this.handled).containsExactly("first");
		arriving.started(AGENT);
		assertThat(this.handled).containsExactly("first", "second");
		patience.fire(1);
		assertThat(this.handled).as("handled once").containsExactly("first", "second");
	}

	@Test
	void aProcessWhoseMessagesStoppedWaitingCanBeWaitedForAgain() {
		ManualTimer patience = new ManualTimer();
		ArrivingProcesses arriving = new ArrivingProcesses(Duration.ofMinutes(1), Runnable::run, patience.timer());
		arriving.await(AGENT, "draining", () -> this.handled.add("first"));
		patience.fire(0);
		arriving.await(AGENT, "draining", () -> this.handled.add("second"));
		arriving.started(AGENT);
		assertThat(this.handled).containsExactly("first", "second");
	}

}
