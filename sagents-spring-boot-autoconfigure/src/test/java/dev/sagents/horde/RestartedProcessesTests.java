package dev.sagents.horde;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.sagents.horde.RestartedProcesses.Location;
import dev.sagents.process.ProcessKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RestartedProcessesTests {

	private static final ProcessKey AGENT = ProcessKey.agent("orphan");

	private static final ProcessKey OTHER = ProcessKey.agent("other");

	private static final Location SURVIVOR = new Location("survivor-uuid", "survivor");

	private static final Duration LONG = Duration.ofMinutes(1);

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	@AfterEach
	void stopTimer() {
		this.timer.shutdownNow();
	}

	@Test
	void aCallerOfAFailedMembersProcessWaitsUntilItsRestartIsAnnounced() {
		RestartedProcesses restarted = restartedProcesses(LONG, LONG);
		restarted.memberFailed("failed");
		CompletableFuture<Location> where = restarted.whereRestarted(AGENT, "failed", deadlineIn(LONG));
		CompletableFuture<Location> other = restarted.whereRestarted(OTHER, "failed", deadlineIn(LONG));
		assertThat(where).isNotDone();
		restarted.restarted(List.of(AGENT), SURVIVOR);
		assertThat(where).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(SURVIVOR);
		assertThat(other).as("another process of that member still waits").isNotDone();
	}

	@Test
	void aRestartAnnouncedBeforeTheCallerAskedIsAnsweredAtOnce() {
		RestartedProcesses restarted = restartedProcesses(LONG, LONG);
		restarted.restarted(List.of(AGENT), SURVIVOR);
		assertThat(restarted.whereRestarted(AGENT, "failed", deadlineIn(LONG))).isCompletedWithValue(SURVIVOR);
	}

	@Test
	void callersOfAMemberThatDidNotFailFollowTheRegistryAtOnce() {
		RestartedProcesses restarted = restartedProcesses(LONG, LONG);
		restarted.memberFailed("failed");
		assertThat(restarted.whereRestarted(AGENT, "left gracefully", deadlineIn(LONG))).isCompletedWithValue(null);
	}

	@Test
	void theWaitEndsAfterThePatienceForAProcessNobodyRestarts() {
		RestartedProcesses restarted = restartedProcesses(Duration.ofMillis(100), LONG);
		restarted.memberFailed("failed");
		CompletableFuture<Location> where = restarted.whereRestarted(AGENT, "failed", deadlineIn(LONG));
		assertThat(where).succeedsWithin(Duration.ofSeconds(30)).isNull();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(restarted.whereRestarted(AGENT, "failed", deadlineIn(LONG)))
				.as("once the patience is over, callers do not wait at all")
				.isCompletedWithValue(null));
	}

	@Test
	void theWaitEndsAtTheCallersDeadline() {
		RestartedProcesses restarted = restartedProcesses(LONG, LONG);
		restarted.memberFailed("failed");
		CompletableFuture<Location> where = restarted.whereRestarted(AGENT, "failed",
				deadlineIn(Duration.ofMillis(100)));
		assertThat(where).succeedsWithin(Duration.ofSeconds(30)).isNull();
		restarted.restarted(List.of(AGENT), SURVIVOR);
		assertThat(where).as("answered once").isCompletedWithValue(null);
	}

	@Test
	void aMemberThatDoesNotRunTheProcessIsForgottenAsItsPlace() {
		RestartedProcesses restarted = restartedProcesses(LONG, LONG);
		restarted.restarted(List.of(AGENT, OTHER), SURVIVOR);
		restarted.notOn(AGENT, "someone else");
		assertThat(restarted.whereRestarted(AGENT, "failed", deadlineIn(LONG))).isCompletedWithValue(SURVIVOR);
		restarted.notOn(AGENT, SURVIVOR.member());
		assertThat(restarted.whereRestarted(AGENT, "failed", deadlineIn(LONG))).isCompletedWithValue(null);
		assertThat(restarted.whereRestarted(OTHER, "failed", deadlineIn(LONG))).isCompletedWithValue(SURVIVOR);
	}

	@Test
	void announcementsAreForgottenAfterTheMemory() {
		RestartedProcesses restarted = restartedProcesses(LONG, Duration.ofMillis(100));
		restarted.restarted(List.of(AGENT), SURVIVOR);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(restarted.whereRestarted(AGENT, "failed", deadlineIn(LONG)))
				.isCompletedWithValue(null));
	}

	@Test
	void theEndOfOneCallersWaitLeavesTheOtherCallersOfTheProcessWaiting() {
		ManualTimer timer = new ManualTimer();
		RestartedProcesses restarted = afterFailure(timer);
		CompletableFuture<Location> first = restarted.whereRestarted(AGENT, "failed", deadlineIn(LONG));
		CompletableFuture<Location> second = restarted.whereRestarted(AGENT, "failed", deadlineIn(LONG));
		timer.fire(1);
		assertThat(first).isCompletedWithValue(null);
		assertThat(second).isNotDone();
		restarted.restarted(List.of(AGENT), SURVIVOR);
		assertThat(second).isCompletedWithValue(SURVIVOR);
		assertThat(first).as("answered once").isCompletedWithValue(null);
	}

	@Test
	void theWaitGoesOnWhileTheSurvivorsStillAnnounceRestartsAndEndsWhenTheyStop() {
		ManualTimer timer = new ManualTimer();
		RestartedProcesses restarted = afterFailure(timer);
		CompletableFuture<Location> unannounced = restarted.whereRestarted(AGENT, "failed", deadlineIn(LONG));
		restarted.restarted(List.of(OTHER), SURVIVOR);
		timer.fire(1);
		assertThat(unannounced).as("the patience counts from the latest announcement").isNotDone();
		timer.fireLatest();
		assertThat(unannounced).as("no announcement since: the caller follows the registry").isCompletedWithValue(null);
	}

	@Test
	void aCallerAfterThePatienceFollowsTheRegistryAtOnceEvenBeforeTheFailureIsForgotten() {
		RestartedProcesses restarted = new RestartedProcesses(Duration.ZERO, LONG, Runnable::run, new ManualTimer().timer());
		restarted.memberFailed("failed");
		assertThat(restarted.whereRestarted(AGENT, "failed", deadlineIn(LONG))).isCompletedWithValue(null);
	}

	@Test
	void aCallerWhoseDeadlinePassedFollowsTheRegistryAtOnce() {
		RestartedProcesses restarted = new RestartedProcesses(LONG, LONG, Runnable::run, new ManualTimer().timer());
		restarted.memberFailed("failed");
		assertThat(restarted.whereRestarted(AGENT, "failed", deadlineIn(Duration.ofSeconds(-1)))).isCompletedWithValue(null);
	}

	private RestartedProcesses restartedProcesses(Duration patience, Duration memory) {
		return new RestartedProcesses(patience, memory, Runnable::run, this.timer);
	}

	/** Restarted processes whose waits end when the test fires them, after member "failed" failed. */
	private static RestartedProcesses afterFailure(ManualTimer timer) {
		RestartedProcesses restarted = new RestartedProcesses(LONG, LONG, Runnable::run, timer.timer());
		restarted.memberFailed("failed");
		return restarted;
	}

	private static long deadlineIn(Duration duration) {
		return System.nanoTime() + TimeUnit.NANOSECONDS.convert(duration);
	}

}
