package dev.sagents.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.test.simple.SimpleSpan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentResult;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.NamedAgentBehaviorResolver;
import dev.sagents.autoconfigure.HandlerExecutors;
import dev.sagents.codec.Transit;
import dev.sagents.metrics.SagentsMetrics;
import dev.sagents.observation.Observed;
import dev.sagents.observation.SagentsObservations;
import dev.sagents.observation.micrometer.MicrometerSagentsObservations;
import dev.sagents.persistence.AgentStorage;
import dev.sagents.process.MailboxFullException;
import dev.sagents.process.ProcessFailedException;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessNotRunningException;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.testsupport.TestAgent;
import dev.sagents.testsupport.TestTracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Calls and casts to an agent on one node, observed into a Micrometer Tracing test tracer: a call
 * is one span from the caller through the mailbox to the handler, which runs with it in scope and
 * with the agent in the MDC; a cast is a producer span until queued, and its handling a consumer
 * span, a child of it.
 */
class LocalObservationsTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ExecutorService executor = HandlerExecutors.byDefault();

	private final TestTracing tracing = new TestTracing();

	private LocalProcessRuntime runtime;

	private LocalProcessRegistry registry;

	private LocalAgentsSupervisor agents;

	/** Answers where its handler runs: the agent and node in the MDC, and the observation in scope. */
	private final class Probe extends TestAgent<Integer> {

		private Probe() {
			super(Integer.class, 0);
		}

		@Override
		public AgentResult<Integer> handle(Integer state, Object message, AgentContext context) {
			if ("fail".equals(message)) {
				throw new IllegalStateException("asked to fail");
			}
			if ("hold".equals(message)) {
				hold();
			}
			Observation current = LocalObservationsTest.this.tracing.registry.getCurrentObservation();
			return AgentResult.reply(state + 1, MDC.get("sagents.agent.id") + "@" + MDC.get("sagents.node") + " in "
					+ ((current != null) ? current.getContext().getName() : "none"));
		}

	}

	/** Released by the test: a "hold" message keeps its handler busy until then. */
	private final CountDownLatch release = new CountDownLatch(1);

	private final CountDownLatch holding = new CountDownLatch(1);

	private void hold() {
		this.holding.countDown();
		try {
			this.release.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void startNode(SagentsObservations observations) {
		startNode(observations, LocalProcessRuntime.DEFAULT_MAILBOX_CAPACITY);
	}

	private void startNode(SagentsObservations observations, int mailboxCapacity) {
		this.runtime = new LocalProcessRuntime("n1", this.executor, Transit.unchecked(), SagentsMetrics.NONE,
				mailboxCapacity, observations);
		this.registry = new LocalProcessRegistry();
		this.agents = new LocalAgentsSupervisor(this.runtime, this.registry,
				new NamedAgentBehaviorResolver(Map.of("probe", new Probe()), null), AgentStorage.of(new MapAgentPersistence()), null,
				AgentSettings.defaults(), new ProcessFailureLog(10), new HostingJournal());
		this.registry.start();
		this.agents.start();
	}

	private AgentRef probe(String id) {
		return this.agents.startAgent(AgentSpec.of(id).withType("probe")).ref();
	}

	@AfterEach
	void stopNode() {
		LocalNodeShutdown.stop(this.registry, this.agents, this.runtime, this.executor);
		MDC.clear();
	}

	@Test
	void aCallIsOneSpanFromTheCallerThroughTheMailboxToTheHandler() {
		startNode(new MicrometerSagentsObservations(this.tracing.registry));
		AgentRef agent = probe("a1");
		String inline = Observation.createNotStarted("request", this.tracing.registry)
			.observe(() -> agent.callAndWait("where", String.class, TIMEOUT));
		String queued = Observation.createNotStarted("request", this.tracing.registry)
			.observe(() -> agent.call("where", String.class, TIMEOUT).join());

		assertThat(inline).isEqualTo("a1@n1 in sagents.call");
		assertThat(queued).isEqualTo("a1@n1 in sagents.call");
		List<SimpleSpan> requests = this.tracing.spans("request");
		List<SimpleSpan> calls = this.tracing.spans("sagents.call");
		assertThat(calls).hasSize(2);
		for (int i = 0; i < 2; i++) {
			SimpleSpan call = calls.get(i);
			assertThat(call.getTraceId()).isEqualTo(requests.get(i).getTraceId());
			assertThat(call.getParentId()).isEqualTo(requests.get(i).getSpanId());
			assertThat(call.getTags()).containsEntry("sagents.location", "local").containsEntry("sagents.agent.id", "a1");
			assertThat(call.getError()).isNull();
		}
		assertThat(this.tracing.spans("sagents.handle")).as("one node: no second span").isEmpty();
	}

	@Test
	void aCastIsObservedUntilQueuedAndItsHandlingApartInTheSameTrace() throws Exception {
		startNode(new MicrometerSagentsObservations(this.tracing.registry));
		AgentRef agent = probe("a1");
		Observation.createNotStarted("request", this.tracing.registry).observe(() -> agent.cast("hold"));
		assertThat(this.holding.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

		SimpleSpan request = this.tracing.spans("request").get(0);
		SimpleSpan cast = this.tracing.spans("sagents.cast").get(0);
		assertThat(this.tracing.spans("sagents.handle")).as("the handler still runs").isEmpty();
		assertThat(cast.getKind()).isEqualTo(Span.Kind.PRODUCER);
		assertThat(cast.getTraceId()).isEqualTo(request.getTraceId());
		assertThat(cast.getParentId()).isEqualTo(request.getSpanId());
		assertThat(cast.getTags()).containsEntry("sagents.location", "local").containsEntry("sagents.agent.id", "a1");
		this.release.countDown();
		await().atMost(TIMEOUT).until(() -> this.tracing.spans("sagents.handle").size() == 1);
		SimpleSpan handle = this.tracing.spans("sagents.handle").get(0);
		assertThat(handle.getTraceId()).as("one trace from the caller to the handler").isEqualTo(request.getTraceId());
		assertThat(handle.getParentId()).isEqualTo(cast.getSpanId());
		assertThat(handle.getKind()).isEqualTo(Span.Kind.CONSUMER);
		assertThat(handle.getTags()).containsEntry("sagents.exchange", "cast").containsEntry("sagents.agent.id", "a1");
		assertThat(agent.callAndWait("where", String.class, TIMEOUT)).as("the cast's handler ran in its own span")
			.isEqualTo("a1@n1 in sagents.call");
	}

	@Test
	void aCastRefusedForAFullMailboxFailsItsSpan() throws Exception {
		startNode(new MicrometerSagentsObservations(this.tracing.registry), 1);
		AgentRef agent = probe("a1");
		agent.cast("hold");
		assertThat(this.holding.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		agent.cast("queued");
		assertThatThrownBy(() -> agent.cast("over")).isInstanceOf(MailboxFullException.class);

		List<SimpleSpan> casts = this.tracing.spans("sagents.cast");
		assertThat(casts).hasSize(3);
		assertThat(casts.get(2).getError()).isInstanceOf(MailboxFullException.class);
		this.release.countDown();
		await().atMost(TIMEOUT).until(() -> this.tracing.spans("sagents.handle").size() == 2);
	}

	@Test
	void aCrashFailsTheCallsSpan() {
		startNode(new MicrometerSagentsObservations(this.tracing.registry));
		AgentRef agent = probe("a1");
		assertThatThrownBy(() -> Observation.createNotStarted("request", this.tracing.registry)
			.observe(() -> agent.callAndWait("fail", String.class, TIMEOUT)))
			.isInstanceOf(ProcessFailedException.class);
		assertThat(this.tracing.spans("sagents.call")).singleElement()
			.satisfies((call) -> assertThat(call.getError()).isInstanceOf(IllegalStateException.class));
	}

	@Test
	void aCallTheAgentEndedBeforeHandlingStillEndsItsSpan() {
		startNode(new MicrometerSagentsObservations(this.tracing.registry));
		AgentRef agent = probe("a1");
		assertThat(this.agents.stopAgent("a1")).isTrue();
		assertThatThrownBy(() -> Observation.createNotStarted("request", this.tracing.registry)
			.observe(() -> agent.call("where", String.class, TIMEOUT).join()))
			.hasCauseInstanceOf(ProcessNotRunningException.class);
		assertThat(this.tracing.spans("sagents.call")).singleElement()
			.satisfies((call) -> assertThat(call.getError()).isInstanceOf(ProcessNotRunningException.class));
	}

	@Test
	void aHandlerOnTheCallersThreadPutsBackTheCallersMdc() {
		startNode(SagentsObservations.NONE);
		AgentRef agent = probe("a1");
		MDC.put("sagents.agent.id", "caller");
		assertThat(agent.callAndWait("where", String.class, TIMEOUT)).as("unobserved, the MDC still says who runs")
			.isEqualTo("a1@n1 in none");
		assertThat(MDC.get("sagents.agent.id")).isEqualTo("caller");
		assertThat(MDC.get("sagents.node")).isNull();
	}

	@Test
	void unobservedTheMailboxHoldsTheBareMessageAndFileSystemsAreNeverObserved() {
		startNode(SagentsObservations.NONE);
		Object message = "m";
		assertThat(this.runtime.called(ProcessKey.agent("a1"), message)).isSameAs(message);
		assertThat(this.runtime.queuedCast(ProcessKey.agent("a1"), message, null)).isSameAs(message);
		assertThat(this.runtime.castObserved(ProcessKey.agent("a1"))).isSameAs(Observed.NONE);
		LocalProcessRuntime observed = new LocalProcessRuntime("n2", this.executor, Transit.unchecked(),
				SagentsMetrics.NONE, LocalProcessRuntime.DEFAULT_MAILBOX_CAPACITY,
				new MicrometerSagentsObservations(this.tracing.registry));
		assertThat(observed.called(ProcessKey.fileSystem("s1"), message)).isSameAs(message);
		assertThat(observed.queuedCast(ProcessKey.fileSystem("s1"), message, null)).isSameAs(message);
		assertThat(observed.castObserved(ProcessKey.fileSystem("s1"))).isSameAs(Observed.NONE);
		Object traced = observed.called(ProcessKey.agent("a1"), message);
		assertThat(traced).isInstanceOf(TracedMessage.class);
		assertThat(TracedMessage.ended(traced, null)).isSameAs(message);
		assertThat(this.tracing.spans("sagents.call")).hasSize(1);
		assertThat(TracedCast.message(observed.queuedCast(ProcessKey.agent("a1"), message, null))).isSameAs(message);
		observed.close();
	}

}
