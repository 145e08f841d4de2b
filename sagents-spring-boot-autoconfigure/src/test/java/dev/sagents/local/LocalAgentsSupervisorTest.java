package dev.sagents.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

import dev.sagents.agent.AgentEvent;
import dev.sagents.agent.AgentPersistence;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSession;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentStatus;
import dev.sagents.agent.NamedAgentBehaviorResolver;
import dev.sagents.agent.Subscription;
import dev.sagents.agent.UnknownAgentTypeException;
import dev.sagents.autoconfigure.HandlerExecutors;
import dev.sagents.codec.JsonMessageCodec;
import dev.sagents.codec.MessageEncodingException;
import dev.sagents.codec.Transit;
import dev.sagents.codec.TrustedTypes;
import dev.sagents.persistence.AgentActivation;
import dev.sagents.persistence.AgentStorage;
import dev.sagents.process.CallTimeoutException;
import dev.sagents.process.ProcessFailedException;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.process.ProcessNotRunningException;
import dev.sagents.process.SagentsException;
import dev.sagents.process.StaleActivationException;
import dev.sagents.registry.RegistryState;
import dev.sagents.registry.RegistryUnavailableException;
import dev.sagents.supervisor.ExitReason;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.supervisor.RestartIntensity;
import dev.sagents.supervisor.StartResult;
import dev.sagents.testsupport.Crashes;
import dev.sagents.testsupport.Deadlines;
import dev.sagents.testsupport.Shutdowns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class LocalAgentsSupervisorTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private ExecutorService executor;

	private final MapAgentPersistence persistence = new MapAgentPersistence();

	private final ProcessFailureLog failures = new ProcessFailureLog(10);

	private final CounterAgent counter = new CounterAgent();

	private final HostingJournal hosting = new HostingJournal();

	private LocalProcessRuntime runtime;

	private LocalProcessRegistry registry;

	private LocalAgentsSupervisor agents;

	@BeforeEach
	void startNode() {
		startNode(AgentSettings.defaults(), this.persistence);
	}

	private void startNode(AgentSettings settings, AgentPersistence agentPersistence) {
		startNode(settings, agentPersistence, Transit.unchecked());
	}

	private void startNode(AgentSettings settings, AgentPersistence agentPersistence, Transit transit) {
		this.executor = HandlerExecutors.byDefault();
		this.runtime = new LocalProcessRuntime("n1", this.executor, transit);
		this.registry = new LocalProcessRegistry();
		this.hosting.seeRunning((key) -> this.registry.lookupHosted(key).isPresent());
		this.agents = agentsOn(this.registry, settings, agentPersistence);
		this.registry.start();
		this.agents.start();
	}

	/** An agents supervisor of this node on {@code registry}, not started. */
	private LocalAgentsSupervisor agentsOn(LocalProcessRegistry registry, AgentSettings settings,
			AgentPersistence agentPersistence) {
		return new LocalAgentsSupervisor(this.runtime, registry,
				new NamedAgentBehaviorResolver(Map.of("counter", this.counter), null), AgentStorage.of(agentPersistence),
				null, settings, this.failures, this.hosting);
	}

	/** Settings whose agents stop after {@code timeout} idle ({@link Duration#ZERO}: never). */
	private static AgentSettings inactivityTimeout(Duration timeout) {
		return new AgentSettings(timeout, Duration.ofSeconds(5), TIMEOUT, RestartIntensity.defaults());
	}

	/** Settings whose agents never stop when idle and are restarted as {@code intensity} allows. */
	private static AgentSettings restartIntensity(RestartIntensity intensity) {
		return new AgentSettings(null, Duration.ofSeconds(5), TIMEOUT, intensity);
	}

	/** Crashes {@code agent} once; the call fails with the crash. */
	private static void crash(AgentRef agent) {
		assertThatThrownBy(() -> agent.callAndWait(CounterAgent.FAIL, Long.class, TIMEOUT))
			.isInstanceOf(ProcessFailedException.class)
			.hasRootCauseMessage("asked to fail");
	}

	/** Checks that {@code agent}, which never handled a tick, serves. */
	private static void servesFromScratch(AgentRef agent) {
		assertThat(agent.callAndWait(CounterAgent.GET, Long.class, TIMEOUT)).isZero();
	}

	@AfterEach
	void stopNode() {
		LocalNodeShutdown.stop(this.registry, this.agents, this.runtime, this.executor);
	}

	@Test
	void startIsIdempotentAndReturnsTheRunningAgent() {
		StartResult<AgentRef> first = this.agents.startAgent(AgentSpec.of("a1"));
		StartResult<AgentRef> second = this.agents.startAgent(AgentSpec.of("a1"));
		assertThat(first.started()).isTrue();
		assertThat(second.alreadyStarted()).isTrue();
		assertThat(second.ref()).isSameAs(first.ref());
		assertThat(this.agents.countAgents()).isOne();
		assertThat(this.registry.lookup(ProcessKey.agent("a1"))).containsSame(first.ref());
	}

	@Test
	void concurrentStartsOfOneIdGiveOneProcess() throws Exception {
		int callers = 16;
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<CompletableFuture<StartResult<AgentRef>>> results = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				results.add(CompletableFuture.supplyAsync(() -> {
					awaitLatch(go);
					return this.agents.startAgent(AgentSpec.of("same"));
				}, pool));
			}
			go.countDown();
			List<StartResult<AgentRef>> done = results.stream().map(CompletableFuture::join).toList();
			assertThat(done).filteredOn((result) -> result.started()).hasSize(1);
			assertThat(done.stream().map(StartResult::ref).distinct()).hasSize(1);
			assertThat(this.agents.countAgents()).isOne();
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void messagesAreHandledInOrderOneAtATime() {
		AgentRef agent = this.agents.startAgent(AgentSpec.of("ordered")).ref();
		for (int i = 0; i < 1000; i++) {
			agent.cast("tick");
		}
		CompletableFuture<Long> count = agent.call("tick", Long.class, TIMEOUT);
		assertThat(count.join()).isEqualTo(1001L);
		assertThat(agent.callAndWait("tick", Long.class, TIMEOUT)).isEqualTo(1002L);
	}

	@Test
	void aCrashFailsTheCallAndRestartsFromTheLastPersistedState() {
		AgentRef agent = this.agents.startAgent(AgentSpec.of("crashy")).ref();
		agent.callAndWait("tick", Long.class, TIMEOUT);
		assertThatThrownBy(() -> agent.callAndWait(CounterAgent.FAIL, Long.class, TIMEOUT))
			.isInstanceOf(ProcessFailedException.class)
			.hasRootCauseMessage("asked to fail");
		assertThat(agent.status()).isEqualTo(AgentStatus.ERROR);
		assertThat(agent.isAlive()).isTrue();
		assertThat(this.persistence.points).containsExactly("crashy:ON_CHANGE", "crashy:ON_ERROR");
		assertThat(agent.callAndWait(CounterAgent.GET, Long.class, TIMEOUT)).isEqualTo(1L);
		assertThat(agent.call(CounterAgent.FAIL, Long.class, TIMEOUT)).failsWithin(TIMEOUT)
			.withThrowableThat()
			.withCauseInstanceOf(ProcessFailedException.class);
		assertThat(agent.callAndWait("tick", Long.class, TIMEOUT)).isEqualTo(2L);
	}

	@Test
	void anAgentSurvivesExactlyItsMaxRestartsWithinTheWindowAndIsGivenUpAndRecordedAtTheNextCrash(
			CapturedOutput output) {
		stopNode();
		startNode(restartIntensity(new RestartIntensity(2, Duration.ofMinutes(1))), this.persistence);
		AgentRef agent = this.agents.startAgent(AgentSpec.of("doomed")).ref();
		List<AgentEvent> events = new CopyOnWriteArrayList<>();
		this.agents.subscribe("doomed", events::add);
		Crashes.survivesExactly(2, () -> crash(agent), () -> servesFromScratch(agent),
				() -> !agent.isAlive() && this.agents.findAgent("doomed").isEmpty());
		assertThat(this.failures.recent()).singleElement()
			.satisfies((failure) -> assertThat(failure.key()).isEqualTo(ProcessKey.agent("doomed")));
		Shutdowns.awaitTheOnlyShutdown(events, ExitReason.RESTART_LIMIT);
		assertThatThrownBy(() -> agent.callAndWait("tick", Long.class, TIMEOUT))
			.isInstanceOf(ProcessNotRunningException.class);
		assertThat(this.agents.startAgent(AgentSpec.of("doomed")).started()).isTrue();
		assertThat(output).contains("Process agent:doomed crashed 2 times within PT1M; giving up on it");
	}

	@Test
	void crashesFurtherApartThanTheRestartWindowNeverGiveAnAgentUp() {
		stopNode();
		Duration window = Duration.ofMillis(200);
		startNode(restartIntensity(new RestartIntensity(1, window)), this.persistence);
		AgentRef agent = this.agents.startAgent(AgentSpec.of("phoenix")).ref();
		Crashes.survivesCrashesFurtherApartThan(window, 3, () -> crash(agent), () -> servesFromScratch(agent));
		assertThat(this.agents.findAgent("phoenix")).containsSame(agent);
		assertThat(this.failures.recent()).isEmpty();
	}

	@Test
	void anIdleAgentStopsNormallyAndIsNotRestartedUntilTheNextStart() {
		stopNode();
		startNode(inactivityTimeout(Duration.ofMillis(200)), this.persistence);
		AgentRef agent = this.agents.startAgent(AgentSpec.of("sleepy")).ref();
		List<AgentEvent> events = new CopyOnWriteArrayList<>();
		this.agents.subscribe("sleepy", events::add);
		agent.callAndWait("tick", Long.class, TIMEOUT);
		await().atMost(TIMEOUT).until(() -> this.agents.findAgent("sleepy").isEmpty());
		Shutdowns.awaitTheOnlyShutdown(events, ExitReason.INACTIVITY);
		assertThat(this.persistence.points).contains("sleepy:ON_SHUTDOWN");
		assertThat(this.agents.countAgents()).isZero();
		AgentRef again = this.agents.startAgent(AgentSpec.of("sleepy")).ref();
		assertThat(again.callAndWait("tick", Long.class, TIMEOUT)).isEqualTo(2L);
	}

	@Test
	void messagesPostponeTheInactivityStopUntilTheAgentIsLeftIdle() {
		stopNode();
		Duration timeout = Duration.ofSeconds(1);
		startNode(inactivityTimeout(timeout), this.persistence);
		AgentRef agent = this.agents.startAgent(AgentSpec.of("chatty")).ref();
		List<AgentEvent> events = new CopyOnWriteArrayList<>();
		this.agents.subscribe("chatty", events::add);
		Deadlines.repeatFor(timeout.multipliedBy(3), timeout.dividedBy(20),
				(tick) -> assertThat(agent.callAndWait("tick", Long.class, TIMEOUT)).isEqualTo(tick));
		await().atMost(TIMEOUT).until(() -> this.agents.findAgent("chatty").isEmpty());
		Shutdowns.awaitTheOnlyShutdown(events, ExitReason.INACTIVITY);
	}

	@Test
	void anInactivityTimeoutOfZeroNeverStopsAnIdleAgent() {
		stopNode();
		startNode(inactivityTimeout(Duration.ZERO), this.persistence);
		AgentRef patient = this.agents.startAgent(AgentSpec.of("patient")).ref();
		patient.callAndWait("tick", Long.class, TIMEOUT);
		awaitFiveInactivityStopsOnASibling(Duration.ofMillis(100));
		assertThat(this.agents.findAgent("patient")).containsSame(patient);
		assertThat(patient.callAndWait(CounterAgent.GET, Long.class, TIMEOUT)).isOne();
	}

	/**
	 * Waits until an agent of a sibling node, whose agents stop after {@code timeout} idle, was
	 * started, left idle and stopped five times: five of those timeouts passed at least, and an agent
	 * of this node idle as long was free to stop.
	 */
	private void awaitFiveInactivityStopsOnASibling(Duration timeout) {
		LocalProcessRegistry siblingRegistry = new LocalProcessRegistry();
		LocalAgentsSupervisor sibling = agentsOn(siblingRegistry, inactivityTimeout(timeout), this.persistence);
		siblingRegistry.start();
		sibling.start();
		try {
			for (int round = 0; round < 5; round++) {
				sibling.startAgent(AgentSpec.of("hasty")).ref().callAndWait("tick", Long.class, TIMEOUT);
				await().atMost(TIMEOUT).until(() -> sibling.findAgent("hasty").isEmpty());
			}
		}
		finally {
			sibling.stop();
			siblingRegistry.stop();
		}
	}

	@Test
	void storedStateWinsOverTheInitialState() {
		this.persistence.states.put("restored", new CounterAgent.Count(41));
		AgentRef agent = this.agents.startAgent(AgentSpec.of("restored")).ref();
		assertThat(agent.callAndWait("tick", Long.class, TIMEOUT)).isEqualTo(42L);
		assertThat(this.persistence.points).containsExactly("restored:ON_CHANGE");
	}

	@Test
	void anUnchangedStateIsNotPersisted() {
		AgentRef agent = this.agents.startAgent(AgentSpec.of("reader")).ref();
		agent.callAndWait(CounterAgent.GET, Long.class, TIMEOUT);
		assertThat(this.persistence.points).isEmpty();
	}

	@Test
	void anAgentThatEndsDropsAnEpochClaimedAheadForItThatItDidNotTake() {
		AgentStorage persisted = AgentStorage.of(this.persistence);
		List<String> dropped = new CopyOnWriteArrayList<>();
		LocalAgentsSupervisor recording = new LocalAgentsSupervisor(this.runtime, this.registry,
				new NamedAgentBehaviorResolver(Map.of("counter", this.counter), null), new AgentStorage() {

					@Override
					public AgentActivation activate(String agentId, Class<?> stateType,
							Consumer<StaleActivationException> onStale) throws Exception {
						return persisted.activate(agentId, stateType, onStale);
					}

					@Override
					public void dropClaimAhead(String agentId) {
						dropped.add(agentId);
					}

				}, null, AgentSettings.defaults(), this.failures, this.hosting);
		recording.startAgent(AgentSpec.of("ends")).ref().callAndWait("tick", Long.class, TIMEOUT);
		assertThat(dropped).isEmpty();

		assertThat(recording.stopAgent("ends")).isTrue();

		assertThat(dropped).containsExactly("ends");
	}

	@Test
	void stopPersistsAndUnregisters() {
		AgentRef agent = this.agents.startAgent(AgentSpec.of("stopper")).ref();
		agent.callAndWait("tick", Long.class, TIMEOUT);
		assertThat(this.agents.stopAgent("stopper")).isTrue();
		assertThat(agent.isAlive()).isFalse();
		assertThat(agent.status()).isEqualTo(AgentStatus.STOPPED);
		assertThat(this.agents.findAgent("stopper")).isEmpty();
		assertThat(this.persistence.points).endsWith("stopper:ON_SHUTDOWN");
		assertThat(this.counter.stops).containsExactly("stopper STOPPED handled=1");
		assertThat(this.agents.stopAgent("stopper")).isFalse();
		assertThatCode(() -> agent.cast("tick")).doesNotThrowAnyException();
		assertThatThrownBy(() -> agent.callAndWait("tick", Long.class, TIMEOUT))
			.isInstanceOf(ProcessNotRunningException.class);
	}

	@Test
	void aSessionStartsFindsAndStopsAnAgentWithoutCaringWhoStartedIt() {
		AgentSession session = new AgentSession(this.agents);
		assertThat(session.isRunning("chatty")).isFalse();
		assertThat(session.fetchRunning("chatty")).isEmpty();

		AgentRef agent = session.ensureRunning(AgentSpec.of("chatty"));

		assertThat(session.ensureRunning(AgentSpec.of("chatty")).callAndWait("tick", Long.class, TIMEOUT)).isEqualTo(1L);
		assertThat(session.isRunning("chatty")).isTrue();
		assertThat(session.fetchRunning("chatty")).get().extracting(AgentRef::id).isEqualTo("chatty");
		assertThat(session.stop("chatty")).isTrue();
		assertThat(agent.isAlive()).isFalse();
		assertThat(session.isRunning("chatty")).isFalse();
		assertThat(session.fetchRunning("chatty")).isEmpty();
		assertThat(session.stop("chatty")).isFalse();
	}

	@Test
	void aBehaviourCanStopItsAgentAfterReplying() {
		AgentRef agent = this.agents.startAgent(AgentSpec.of("quitter")).ref();
		assertThat(agent.callAndWait(CounterAgent.STOP, String.class, TIMEOUT)).isEqualTo("bye");
		await().atMost(TIMEOUT).until(() -> this.agents.findAgent("quitter").isEmpty());
	}

	@Test
	void callsTimeOutWithATypedErrorWhileTheAgentIsBusy() throws Exception {
		AgentRef agent = this.agents.startAgent(AgentSpec.of("busy")).ref();
		CountDownLatch release = new CountDownLatch(1);
		agent.cast(new CounterAgent.Block(release));
		try {
			assertThatThrownBy(() -> agent.callAndWait("tick", Long.class, Duration.ofMillis(100)))
				.isInstanceOf(CallTimeoutException.class);
		}
		finally {
			release.countDown();
		}
		await().atMost(TIMEOUT).until(() -> agent.callAndWait(CounterAgent.GET, Long.class, TIMEOUT) == 2L);
	}

	@Test
	void callsThatNameNoTimeoutWaitTheConfiguredCallTimeout() {
		Duration callTimeout = Duration.ofMillis(150);
		stopNode();
		startNode(new AgentSettings(null, Duration.ofSeconds(5), callTimeout, RestartIntensity.defaults()),
				this.persistence);
		AgentRef agent = this.agents.startAgent(AgentSpec.of("busy")).ref();
		assertThat(agent.callTimeout()).isEqualTo(callTimeout);
		CountDownLatch release = new CountDownLatch(1);
		agent.cast(new CounterAgent.Block(release));
		try {
			assertThatThrownBy(() -> agent.callAndWait("tick", Long.class))
				.isInstanceOfSatisfying(CallTimeoutException.class, (ex) -> assertThat(ex.timeout()).isEqualTo(callTimeout));
			assertThat(agent.call("tick", Long.class)).failsWithin(TIMEOUT)
				.withThrowableThat()
				.havingCause()
				.isInstanceOfSatisfying(CallTimeoutException.class, (ex) -> assertThat(ex.timeout()).isEqualTo(callTimeout));
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void subscribersSeeStatusRepliesAndShutdownInOrder() {
		List<AgentEvent> events = new CopyOnWriteArrayList<>();
		Subscription subscription = this.agents.subscribe("watched", events::add);
		AgentRef agent = this.agents.startAgent(AgentSpec.of("watched")).ref();
		agent.callAndWait("tick", Long.class, TIMEOUT);
		this.agents.stopAgent("watched");
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(events).extracting((event) -> event.getClass().getSimpleName())
				.containsExactly("Started", "StatusChanged", "StatusChanged", "Replied", "StatusChanged", "Shutdown"));
		subscription.close();
		List<AgentEvent> stillOpen = new CopyOnWriteArrayList<>();
		this.agents.subscribe("watched", stillOpen::add);
		this.agents.startAgent(AgentSpec.of("watched")).ref().callAndWait("tick", Long.class, TIMEOUT);
		// Had the closed subscription still been served, each event would have been queued for it before this one.
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(stillOpen).filteredOn(AgentEvent.Replied.class::isInstance).hasSize(1));
		assertThat(events).hasSize(6);
	}

	@Test
	void withTheCodecsChecksAReplyTypeNoMemberCouldReplyAsIsRefusedBeforeTheAgentHandlesTheCall() {
		stopNode();
		startNode(AgentSettings.defaults(), this.persistence, Transit.through(new JsonMessageCodec(
				JsonMapper.builder().build(), new TrustedTypes(List.of(), List.of(), getClass().getClassLoader())), false));
		AgentRef agent = this.agents.startAgent(AgentSpec.of("checked")).ref();
		assertThatThrownBy(() -> agent.callAndWait("tick", ArrayList.class, TIMEOUT))
			.isInstanceOf(MessageEncodingException.class)
			.hasMessageContaining("ask for java.util.List");
		assertThat(agent.call("tick", ArrayList.class, TIMEOUT)).failsWithin(TIMEOUT)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(MessageEncodingException.class);
		// As a message from another member arrives: the codec decodes it, nothing checks it again.
		agent.cast(new EncodedMessage(() -> "tick"));
		assertThat(agent.callAndWait(CounterAgent.GET, Long.class, TIMEOUT)).as("handled").isOne();
	}

	@Test
	void nodeStopInterruptsAHandlerStuckOnTheCallersThreadAfterTheGrace() {
		stopNode();
		startNode(new AgentSettings(null, Duration.ofMillis(300), TIMEOUT, RestartIntensity.defaults()),
				this.persistence);
		AgentRef stuck = this.agents.startAgent(AgentSpec.of("stuck-inline")).ref();
		CountDownLatch never = new CountDownLatch(1);
		ExecutorService caller = Executors.newSingleThreadExecutor((task) -> new Thread(task, "caller"));
		try {
			// Called while idle: the handler runs on the caller's thread.
			CompletableFuture<Long> call = CompletableFuture
				.supplyAsync(() -> stuck.callAndWait(new CounterAgent.Block(never), Long.class, TIMEOUT), caller);
			await().atMost(TIMEOUT).until(() -> stuck.status() == AgentStatus.RUNNING);
			this.registry.drain();
			this.agents.stop();
			assertThat(call).failsWithin(TIMEOUT)
				.withThrowableThat()
				.havingCause()
				.isInstanceOf(ProcessFailedException.class)
				.havingCause()
				.isInstanceOf(InterruptedException.class);
		}
		finally {
			caller.shutdownNow();
		}
	}

	@Test
	void listAndCountCoverEveryRunningAgent() {
		for (int i = 0; i < 10; i++) {
			this.agents.startAgent(AgentSpec.of("agent-" + i).withFileSystemScope("user:" + i));
		}
		assertThat(this.agents.countAgents()).isEqualTo(10);
		assertThat(this.registry.count(ProcessKind.AGENT)).isEqualTo(10);
		assertThat(this.registry.count()).isEqualTo(10);
		assertThat(this.registry.keys(ProcessKind.AGENT)).hasSize(10);
		assertThat(this.agents.listAgents()).hasSize(10)
			.allSatisfy((info) -> {
				assertThat(info.node()).isEqualTo("n1");
				assertThat(info.status()).isEqualTo(AgentStatus.IDLE);
				assertThat(info.type()).as("started without a type: the default one").isEqualTo("counter");
			})
			.extracting((info) -> info.fileSystemScope())
			.contains("user:3");
	}

	@Test
	void anUnknownTypeIsRefusedBeforeAnythingIsRegistered() {
		assertThatThrownBy(() -> this.agents.startAgent(AgentSpec.of("x").withType("nope")))
			.isInstanceOf(UnknownAgentTypeException.class)
			.hasMessageContaining("counter");
		assertThat(this.agents.countAgents()).isZero();
	}

	@Test
	void theRegistryRefusesCallsWhileDrainingAndBeforeStart() {
		LocalProcessRegistry fresh = new LocalProcessRegistry();
		assertThat(fresh.state()).isEqualTo(RegistryState.STARTING);
		assertThatThrownBy(() -> fresh.lookup(ProcessKey.agent("a"))).isInstanceOf(RegistryUnavailableException.class);
		this.registry.drain();
		assertThat(this.registry.isAvailable()).isFalse();
		assertThatThrownBy(() -> this.agents.startAgent(AgentSpec.of("late")))
			.isInstanceOf(RegistryUnavailableException.class);
		assertThatThrownBy(() -> this.agents.countAgents()).isInstanceOf(RegistryUnavailableException.class);
		assertThatThrownBy(() -> this.registry.count()).isInstanceOf(RegistryUnavailableException.class);
	}

	@Test
	void nodeStopPersistsEveryAgentAndAbandonsStuckOnesAfterTheGrace() {
		stopNode();
		startNode(new AgentSettings(null, Duration.ofMillis(300), TIMEOUT, RestartIntensity.defaults()),
				this.persistence);
		Set<String> ids = ConcurrentHashMap.newKeySet();
		for (int i = 0; i < 50; i++) {
			AgentRef agent = this.agents.startAgent(AgentSpec.of("p" + i)).ref();
			agent.callAndWait("tick", Long.class, TIMEOUT);
			ids.add(agent.id());
		}
		CountDownLatch never = new CountDownLatch(1);
		AgentRef stuck = this.agents.startAgent(AgentSpec.of("stuck")).ref();
		stuck.cast(new CounterAgent.Block(never));
		await().atMost(TIMEOUT).until(() -> stuck.status() == AgentStatus.RUNNING);
		this.registry.drain();
		this.agents.stop();
		assertThat(this.persistence.points).filteredOn((point) -> point.endsWith(":ON_SHUTDOWN")).hasSize(50);
		assertThat(stuck.isAlive()).isFalse();
		assertThat(this.registry.processes(ProcessKind.AGENT)).isEmpty();
	}

	@Test
	void theHostingListenerHearsOfEachAgentStartingBeforeItRunsStartedAndEndedAndOfEachCastItEndedBefore() {
		this.agents.startAgent(AgentSpec.of("told"));
		AgentRef agent = this.agents.startAgent(AgentSpec.of("told")).ref();
		assertThat(this.agents.stopAgent("told")).isTrue();
		agent.cast("late");
		assertThat(this.hosting.notices).containsExactly("starting agent:told", "started agent:told",
				"starting agent:told (running)", "not started agent:told", "ended agent:told STOPPED",
				"undelivered agent:told late");
		assertThat(this.failures.recent()).as("a stop is no failure").isEmpty();
	}

	@Test
	void aStartRefusedIsToldAsNotStarted() {
		this.registry.drain();
		assertThatThrownBy(() -> this.agents.startAgent(AgentSpec.of("refused")))
			.isInstanceOf(RegistryUnavailableException.class);
		assertThat(this.hosting.notices).containsExactly("starting agent:refused", "not started agent:refused");
	}

	@Test
	void whileTheRegistryDrainsStopAndListAreRefusedButTheNodeStillReachesWhatItHosts() {
		this.agents.startAgent(AgentSpec.of("draining").withFileSystemScope("user:d")).ref().callAndWait("tick", Long.class,
				TIMEOUT);
		this.registry.drain();
		assertThatThrownBy(() -> this.agents.stopAgent("draining")).isInstanceOf(RegistryUnavailableException.class);
		assertThatThrownBy(() -> this.agents.listAgents()).isInstanceOf(RegistryUnavailableException.class);

		assertThat(this.registry.keysHosted(ProcessKind.AGENT)).containsExactly(ProcessKey.agent("draining"));
		assertThat(this.agents.listHosted()).singleElement().satisfies((info) -> {
			assertThat(info.id()).isEqualTo("draining");
			assertThat(info.fileSystemScope()).isEqualTo("user:d");
		});
		assertThat(this.agents.stopHosted("draining", ExitReason.SHUTDOWN)).isTrue();
		assertThat(this.persistence.points).endsWith("draining:ON_SHUTDOWN");
		assertThat(this.agents.listHosted()).isEmpty();
		assertThat(this.registry.keysHosted(ProcessKind.AGENT)).isEmpty();
	}

	@Test
	void anIdNobodyHostsOrNobodyCouldHaveIsFoundNowhereAndStopsNothing() {
		assertThat(this.agents.stopAgent("nobody")).isFalse();
		for (String invalid : new String[] { "no spaces", "" }) {
			assertThat(this.agents.findAgent(invalid)).as(invalid).isEmpty();
			assertThat(this.agents.stopAgent(invalid)).as(invalid).isFalse();
			assertThat(this.agents.stopHosted(invalid, ExitReason.SHUTDOWN)).as(invalid).isFalse();
		}
	}

	@Test
	void aCrashWhoseRestartFailsTooReachesSubscribersAsOneChangeToError() {
		AgentRef agent = this.agents.startAgent(AgentSpec.of("shaky")).ref();
		List<AgentEvent> events = new CopyOnWriteArrayList<>();
		this.agents.subscribe("shaky", events::add);
		this.persistence.failingLoads = 1;
		crash(agent);
		assertThat(agent.callAndWait("tick", Long.class, TIMEOUT)).isOne();
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(events).filteredOn(AgentEvent.Replied.class::isInstance).hasSize(1));
		assertThat(events).filteredOn(AgentEvent.StatusChanged.class::isInstance)
			.extracting((event) -> ((AgentEvent.StatusChanged) event).from() + ">" + ((AgentEvent.StatusChanged) event).to())
			.containsExactly("IDLE>RUNNING", "RUNNING>ERROR", "ERROR>RUNNING", "RUNNING>IDLE");
	}

	@Test
	void anEventOfAnAgentHostedElsewhereReachesItsSubscribersHere() {
		List<AgentEvent> events = new CopyOnWriteArrayList<>();
		this.agents.subscribe("remote", events::add);
		AgentEvent published = new AgentEvent.Published("remote", Instant.now(), "from n2");
		this.agents.deliver(published);
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(events).containsExactly(published));
	}

	@Test
	void subscribersHearWhatTheBehaviourPublishesAndNoReplyForAMessageItLeftUnanswered() {
		AgentRef agent = this.agents.startAgent(AgentSpec.of("herald")).ref();
		List<AgentEvent> events = new CopyOnWriteArrayList<>();
		this.agents.subscribe("herald", events::add);
		agent.cast(new CounterAgent.Publish("news"));
		agent.cast(CounterAgent.QUIET);
		assertThat(agent.callAndWait(CounterAgent.GET, Long.class, TIMEOUT)).isEqualTo(2L);
		await().atMost(TIMEOUT).until(() -> events.stream().anyMatch(AgentEvent.Replied.class::isInstance));
		assertThat(events).filteredOn(AgentEvent.Published.class::isInstance)
			.singleElement()
			.satisfies((event) -> assertThat(((AgentEvent.Published) event).payload()).isEqualTo("news"));
		assertThat(events).filteredOn(AgentEvent.Replied.class::isInstance)
			.singleElement()
			.satisfies((event) -> assertThat(((AgentEvent.Replied) event).reply()).isEqualTo(2L));
	}

	@Test
	void aBehaviourThatReturnsNoResultCrashesItsAgentWithAnErrorNamingIt() {
		AgentRef agent = this.agents.startAgent(AgentSpec.of("careless")).ref();
		assertThatThrownBy(() -> agent.callAndWait(CounterAgent.BROKEN, Long.class, TIMEOUT))
			.isInstanceOf(ProcessFailedException.class)
			.rootCause()
			.isInstanceOf(NullPointerException.class)
			.hasMessage("AgentBehavior.handle returned null for agent careless");
		assertThat(agent.callAndWait("tick", Long.class, TIMEOUT)).isOne();
	}

	@Test
	void anAgentStoppedForAConflictLeavesPersistenceToTheCopyThatWonAndStillTellsItsBehaviour() {
		AgentRef loser = this.agents.startAgent(AgentSpec.of("twin")).ref();
		loser.callAndWait("tick", Long.class, TIMEOUT);
		this.persistence.states.put("twin", new CounterAgent.Count(7));
		assertThat(this.agents.stopHosted("twin", ExitReason.CONFLICT)).isTrue();
		assertThat(this.persistence.states).containsEntry("twin", new CounterAgent.Count(7));
		assertThat(this.persistence.points).doesNotContain("twin:ON_SHUTDOWN");
		assertThat(this.counter.stops).containsExactly("twin CONFLICT handled=1");
		assertThat(this.hosting.notices).endsWith("ended agent:twin CONFLICT");
	}

	@Test
	void startingAnAgentStillStoppingWaitsForItToEndAndStartsAFreshOne() throws Exception {
		AgentRef old = this.agents.startAgent(AgentSpec.of("reborn")).ref();
		CountDownLatch cleanup = new CountDownLatch(1);
		this.counter.slowStops = cleanup;
		CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> this.agents.stopAgent("reborn"));
		await().atMost(TIMEOUT).until(() -> !this.counter.stops.isEmpty());
		CompletableFuture<StartResult<AgentRef>> restart = new CompletableFuture<>();
		Thread starter = new Thread(() -> {
			try {
				restart.complete(this.agents.startAgent(AgentSpec.of("reborn")));
			}
			catch (RuntimeException ex) {
				restart.completeExceptionally(ex);
			}
		});
		starter.start();
		try {
			await().atMost(TIMEOUT).until(() -> restart.isDone() || starter.getState() == Thread.State.TIMED_WAITING);
			assertThat(restart).as("waits for the old one's cleanup").isNotDone();
		}
		finally {
			cleanup.countDown();
		}
		assertThat(restart).succeedsWithin(TIMEOUT).satisfies((result) -> {
			assertThat(result.started()).isTrue();
			assertThat(result.ref()).isNotSameAs(old);
			assertThat(result.ref().isAlive()).isTrue();
		});
		assertThat(stopped).succeedsWithin(TIMEOUT).isEqualTo(true);
	}

	@Test
	void startingAnAgentWhoseOldOneOutlastsTheShutdownGraceFailsWithATypedError() {
		stopNode();
		startNode(new AgentSettings(null, Duration.ofMillis(200), TIMEOUT, RestartIntensity.defaults()), this.persistence);
		this.agents.startAgent(AgentSpec.of("lingering"));
		CountDownLatch cleanup = new CountDownLatch(1);
		this.counter.slowStops = cleanup;
		try {
			assertThatThrownBy(() -> this.agents.stopAgent("lingering")).isInstanceOf(SagentsException.class)
				.hasMessage("Process 'agent:lingering' did not stop within PT0.2S");
			assertThatThrownBy(() -> this.agents.startAgent(AgentSpec.of("lingering")))
				.isInstanceOf(SagentsException.class)
				.hasMessage("Process 'agent:lingering' did not stop within PT0.2S");
		}
		finally {
			cleanup.countDown();
		}
		await().atMost(TIMEOUT).until(() -> this.agents.findAgent("lingering").isEmpty());
		assertThat(this.agents.startAgent(AgentSpec.of("lingering")).started()).isTrue();
	}

	@Test
	void aStoppedSupervisorStopsNoIdleAgentHoweverOftenItWasStarted() {
		stopNode();
		Duration timeout = Duration.ofMillis(100);
		startNode(inactivityTimeout(timeout), this.persistence);
		this.agents.start();
		this.agents.stop();
		AgentRef left = this.agents.startAgent(AgentSpec.of("left")).ref();
		left.callAndWait("tick", Long.class, TIMEOUT);
		awaitFiveInactivityStopsOnASibling(timeout);
		assertThat(this.agents.findAgent("left")).containsSame(left);
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
