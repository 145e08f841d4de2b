package dev.sagents.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.sagents.agent.AgentPersistence.PersistencePoint;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentStatus;
import dev.sagents.agent.NamedAgentBehaviorResolver;
import dev.sagents.autoconfigure.HandlerExecutors;
import dev.sagents.codec.JsonMessageCodec;
import dev.sagents.codec.MessageEncodingException;
import dev.sagents.codec.Transit;
import dev.sagents.codec.TrustedTypes;
import dev.sagents.persistence.AgentActivation;
import dev.sagents.persistence.AgentStorage;
import dev.sagents.process.ProcessFailedException;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.StaleActivationException;
import dev.sagents.supervisor.ProcessFailureLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What an agent does with a change it could not keep: a reply that cannot travel, and a restart
 * that finds a newer activation of it. Agents are {@link CounterAgent}s on one local node.
 */
class AgentProcessTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ExecutorService executor = HandlerExecutors.byDefault();

	private final CounterAgent counter = new CounterAgent();

	private LocalProcessRuntime runtime;

	private LocalProcessRegistry registry;

	private LocalAgentsSupervisor agents;

	private void startNode(AgentStorage storage, Transit transit) {
		this.runtime = new LocalProcessRuntime("n1", this.executor, transit);
		this.registry = new LocalProcessRegistry();
		this.agents = new LocalAgentsSupervisor(this.runtime, this.registry,
				new NamedAgentBehaviorResolver(Map.of("counter", this.counter), null), storage, null,
				AgentSettings.defaults(), new ProcessFailureLog(10), new HostingJournal());
		this.registry.start();
		this.agents.start();
	}

	@AfterEach
	void stopNode() {
		LocalNodeShutdown.stop(this.registry, this.agents, this.runtime, this.executor);
	}

	/** A node whose values go through the JSON codec, trusting no application type, as across members. */
	private void startCheckingNode() {
		startNode(AgentStorage.of(new MapAgentPersistence()), Transit.through(new JsonMessageCodec(
				JsonMapper.builder().build(), new TrustedTypes(List.of(), List.of(), getClass().getClassLoader())), false));
	}

	@Test
	void aMessageNoMemberCouldDecodeIsRefusedBeforeTheAgentHandlesIt() {
		startCheckingNode();
		AgentRef agent = this.agents.startAgent(AgentSpec.of("picky")).ref();
		assertThatThrownBy(() -> agent.callAndWait(new CounterAgent.Count(5), Long.class, TIMEOUT))
			.isInstanceOf(MessageEncodingException.class);
		assertThatThrownBy(() -> agent.cast(new CounterAgent.Count(5))).isInstanceOf(MessageEncodingException.class);
		assertThat(agent.callAndWait(CounterAgent.GET, Long.class, TIMEOUT)).as("handled").isZero();
	}

	@Test
	void aReplyThatCannotTravelRefusesTheMessageAndLeavesTheAgentIdleWithItsPreviousState() {
		startCheckingNode();
		AgentRef agent = this.agents.startAgent(AgentSpec.of("odd")).ref();
		assertThat(agent.callAndWait("tick", Long.class, TIMEOUT)).isOne();

		assertThatThrownBy(() -> agent.callAndWait(CounterAgent.ODD_REPLY, Long.class, TIMEOUT))
			.isInstanceOf(MessageEncodingException.class);
		assertThat(agent.status()).isEqualTo(AgentStatus.IDLE);
		assertThat(agent.callAndWait(CounterAgent.GET, Long.class, TIMEOUT)).as("handled").isOne();
	}

	@Test
	void aRestartThatFindsANewerActivationStopsTheAgentAsStaleWithoutPersistingAgain() {
		ScriptedStorage storage = new ScriptedStorage();
		startNode(storage, Transit.unchecked());
		AgentRef agent = this.agents.startAgent(AgentSpec.of("moved")).ref();
		assertThat(agent.callAndWait("tick", Long.class, TIMEOUT)).isOne();
		storage.newerActivationClaimed = true;

		assertThatThrownBy(() -> agent.callAndWait(CounterAgent.FAIL, Long.class, TIMEOUT))
			.isInstanceOf(ProcessFailedException.class);
		await().atMost(TIMEOUT).until(() -> !agent.isAlive());
		assertThat(storage.loads).hasValue(2);
		assertThat(this.counter.stops).containsExactly("moved STALE handled=1");
		assertThat(storage.persisted).containsExactly(PersistencePoint.ON_CHANGE, PersistencePoint.ON_ERROR);
	}

	/**
	 * Storage whose writes all succeed and whose reload, once {@link #newerActivationClaimed} is
	 * set, finds that a newer activation claimed the agent (as a fenced store whose crash write
	 * was lost, and whose agent another node started meanwhile, reports it).
	 */
	private static final class ScriptedStorage implements AgentStorage {

		final List<PersistencePoint> persisted = new CopyOnWriteArrayList<>();

		final AtomicInteger loads = new AtomicInteger();

		volatile boolean newerActivationClaimed;

		@Override
		public AgentActivation activate(String agentId, Class<?> stateType,
				Consumer<StaleActivationException> onStale) {
			return new AgentActivation() {

				@Override
				public long epoch() {
					return 1;
				}

				@Override
				public Optional<Object> load() {
					loads.incrementAndGet();
					if (newerActivationClaimed) {
						throw new StaleActivationException(ProcessKey.agent(agentId), 1);
					}
					return Optional.empty();
				}

				@Override
				public void persist(Object state, PersistencePoint point) {
					persisted.add(point);
				}

			};
		}

	}

}
