package dev.sagents.horde;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sagents.agent.AgentEvent;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.Subscription;
import dev.sagents.filesystem.FileSystemRef;
import dev.sagents.filesystem.FileSystemSettings;
import dev.sagents.filesystem.PoisonedFile;
import dev.sagents.process.ProcessFailedException;
import dev.sagents.process.ProcessKey;
import dev.sagents.supervisor.ExitReason;
import dev.sagents.supervisor.RestartIntensity;
import dev.sagents.testsupport.Crashes;
import dev.sagents.testsupport.Deadlines;
import dev.sagents.testsupport.Shutdowns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Supervision across two members: idle agents stop and busy ones do not, restart limits hold to
 * the crash for agents and file systems, and a closed subscription hears nothing more. The
 * process a test watches runs on one member and is driven from the other, so every request and
 * event crosses members.
 */
class HordeSupervisionTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path fileSystems;

	@AutoClose
	private HordeTestCluster cluster;

	@Test
	void messagesPostponeTheInactivityStopOfAnAgentOnAnotherMemberUntilItIsLeftIdle() {
		Duration timeout = Duration.ofSeconds(1);
		startTwoNodes("busy", inactivityTimeout(timeout));
		String id = this.cluster.idOwnedBy("n2", 0);
		List<AgentEvent> events = new CopyOnWriteArrayList<>();
		node("n1").agents.subscribe(id, events::add);
		AgentRef agent = node("n1").agents.startAgent(AgentSpec.of(id)).ref();
		Deadlines.repeatFor(timeout.multipliedBy(3), timeout.dividedBy(20),
				(tick) -> assertThat(agent.callAndWait("tick", Long.class, TIMEOUT)).isEqualTo(tick));
		await().atMost(TIMEOUT).until(() -> node("n1").agents.findAgent(id).isEmpty());
		Shutdowns.awaitTheOnlyShutdown(events, ExitReason.INACTIVITY);
	}

	@Test
	void anInactivityTimeoutOfZeroNeverStopsAnIdleAgent() {
		this.cluster = cluster("patient", inactivityTimeout(Duration.ZERO));
		this.cluster.start("n1");
		this.cluster.agentSettings(inactivityTimeout(Duration.ofMillis(100))).start("n2");
		this.cluster.awaitAllHosting();
		String patientId = this.cluster.idOwnedBy("n1", 0);
		String hastyId = this.cluster.idOwnedBy("n2", 0);
		AgentRef patient = node("n2").agents.startAgent(AgentSpec.of(patientId)).ref();
		patient.callAndWait("tick", Long.class, TIMEOUT);
		// An agent of n2, idle as long, stops each round: five rounds take five of its timeouts at least.
		for (int round = 0; round < 5; round++) {
			// No call to it: on a loaded machine a call can arrive after its 100 ms and find it gone.
			node("n1").agents.startAgent(AgentSpec.of(hastyId));
			await().atMost(TIMEOUT).until(() -> node("n1").agents.findAgent(hastyId).isEmpty());
		}
		assertThat(node("n2").agents.findAgent(patientId)).isPresent();
		assertThat(patient.callAndWait("get", Long.class, TIMEOUT)).isOne();
	}

	@Test
	void anAgentOnAnotherMemberSurvivesExactlyItsMaxRestartsAndIsGivenUpAtTheNextCrash() {
		startTwoNodes("agent-limit", restartIntensity(new RestartIntensity(2, Duration.ofMinutes(1))));
		String id = this.cluster.idOwnedBy("n2", 0);
		List<AgentEvent> events = new CopyOnWriteArrayList<>();
		node("n1").agents.subscribe(id, events::add);
		AgentRef agent = node("n1").agents.startAgent(AgentSpec.of(id)).ref();
		Crashes.survivesExactly(2, () -> crash(agent), () -> servesFromScratch(agent),
				() -> node("n1").agents.findAgent(id).isEmpty());
		assertThat(node("n2").failures.recent()).singleElement()
			.satisfies((failure) -> assertThat(failure.key()).isEqualTo(ProcessKey.agent(id)));
		Shutdowns.awaitTheOnlyShutdown(events, ExitReason.RESTART_LIMIT);
	}

	@Test
	void crashesFurtherApartThanTheRestartWindowNeverGiveAnAgentOnAnotherMemberUp() {
		Duration window = Duration.ofMillis(200);
		startTwoNodes("agent-window", restartIntensity(new RestartIntensity(1, window)));
		String id = this.cluster.idOwnedBy("n2", 0);
		AgentRef agent = node("n1").agents.startAgent(AgentSpec.of(id)).ref();
		Crashes.survivesCrashesFurtherApartThan(window, 3, () -> crash(agent), () -> servesFromScratch(agent));
		assertThat(node("n1").agents.findAgent(id)).isPresent();
		assertThat(node("n2").failures.recent()).isEmpty();
	}

	@Test
	void aFileSystemOnAnotherMemberSurvivesExactlyItsMaxRestartsAndIsGivenUpAtTheNextCrash() {
		String scope = startPoisonedFileSystems("fs-limit", new RestartIntensity(2, Duration.ofMinutes(1)));
		FileSystemRef fs = node("n1").fileSystems.ensureFileSystem(scope);
		Crashes.survivesExactly(2, () -> PoisonedFile.crash(fs), () -> PoisonedFile.serves(fs),
				() -> node("n1").fileSystems.findFileSystem(scope).isEmpty());
		assertThat(node("n2").failures.recent()).singleElement()
			.satisfies((failure) -> assertThat(failure.key()).isEqualTo(ProcessKey.fileSystem(scope)));
	}

	@Test
	void crashesFurtherApartThanTheRestartWindowNeverGiveAFileSystemOnAnotherMemberUp() {
		Duration window = Duration.ofMillis(200);
		String scope = startPoisonedFileSystems("fs-window", new RestartIntensity(1, window));
		FileSystemRef fs = node("n1").fileSystems.ensureFileSystem(scope);
		Crashes.survivesCrashesFurtherApartThan(window, 3, () -> PoisonedFile.crash(fs), () -> PoisonedFile.serves(fs));
		assertThat(node("n1").fileSystems.findFileSystem(scope)).isPresent();
		assertThat(node("n2").failures.recent()).isEmpty();
	}

	@Test
	void aClosedSubscriptionOnAnotherMemberThanTheAgentsReceivesNothingMore() {
		startTwoNodes("unsubscribe", AgentSettings.defaults());
		String id = this.cluster.idOwnedBy("n1", 0);
		List<AgentEvent> closed = new CopyOnWriteArrayList<>();
		List<AgentEvent> open = new CopyOnWriteArrayList<>();
		// Made before the agent starts, so that its host relays every event of it to n2.
		Subscription subscription = node("n2").agents.subscribe(id, closed::add);
		node("n2").agents.subscribe(id, open::add);
		AgentRef agent = node("n1").agents.startAgent(AgentSpec.of(id)).ref();
		agent.call(new Tally.Note("before", 1), Tally.Noted.class, TIMEOUT).join();
		await().atMost(TIMEOUT).untilAsserted(() -> {
			assertThat(Tally.notes(closed)).containsExactly("before");
			assertThat(Tally.notes(open)).containsExactly("before");
		});
		subscription.close();
		agent.call(new Tally.Note("after", 1), Tally.Noted.class, TIMEOUT).join();
		// Had the closed subscription still been served, the note would have been queued for it before this one.
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(Tally.notes(open)).containsExactly("before", "after"));
		assertThat(Tally.notes(closed)).containsExactly("before");
	}

	private HordeTestCluster cluster(String name, AgentSettings settings) {
		return HordeTestCluster.ofTallies("horde-supervision-" + name, this.fileSystems, settings);
	}

	/** Starts n1 and n2 with {@code settings} and waits until each sees both as hosts. */
	private void startTwoNodes(String name, AgentSettings settings) {
		this.cluster = cluster(name, settings);
		this.cluster.startHosting("n1", "n2");
	}

	/**
	 * Starts two nodes whose file systems crash on request and are restarted as
	 * {@code restartIntensity} allows; returns a scope n2 hosts.
	 */
	private String startPoisonedFileSystems(String name, RestartIntensity restartIntensity) {
		FileSystemSettings defaults = FileSystemSettings.defaults();
		this.cluster = cluster(name, AgentSettings.defaults()).fileSystems(PoisonedFile.persistence(),
				new FileSystemSettings(defaults.persistDebounce(), defaults.maxFileSize(), defaults.maxPathLength(),
						defaults.callTimeout(), restartIntensity));
		this.cluster.startHosting("n1", "n2");
		return this.cluster.scopeOwnedBy("n2");
	}

	private HordeTestNode node(String name) {
		return this.cluster.node(name);
	}

	/** Settings whose agents stop after {@code timeout} idle ({@link Duration#ZERO}: never). */
	private static AgentSettings inactivityTimeout(Duration timeout) {
		AgentSettings defaults = AgentSettings.defaults();
		return new AgentSettings(timeout, defaults.shutdownGrace(), TIMEOUT, defaults.restartIntensity());
	}

	/** Settings whose agents never stop when idle and are restarted as {@code intensity} allows. */
	private static AgentSettings restartIntensity(RestartIntensity intensity) {
		return new AgentSettings(null, AgentSettings.defaults().shutdownGrace(), TIMEOUT, intensity);
	}

	/** Crashes {@code agent} once; the call fails with the crash on the member that hosts it. */
	private static void crash(AgentRef agent) {
		assertThatThrownBy(() -> agent.callAndWait("fail", Long.class, TIMEOUT))
			.isInstanceOf(ProcessFailedException.class)
			.rootCause()
			.hasMessageEndingWith("asked to fail");
	}

	/** Checks that {@code agent}, which never handled a tick, serves. */
	private static void servesFromScratch(AgentRef agent) {
		assertThat(agent.callAndWait("get", Long.class, TIMEOUT)).isZero();
	}

}
