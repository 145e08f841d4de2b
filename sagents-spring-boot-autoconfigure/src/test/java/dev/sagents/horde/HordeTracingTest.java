package dev.sagents.horde;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.test.simple.SimpleSpan;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentResult;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.local.LocalProcess;
import dev.sagents.process.ProcessFailedException;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessRef;
import dev.sagents.testsupport.TestAgent;
import dev.sagents.testsupport.TestTracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * One trace across two members, each with its own Micrometer Tracing test tracer: the caller's
 * span on one member, the handler's on the other, the trace context carried in the envelope.
 */
class HordeTracingTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path fileSystems;

	@AutoClose
	private HordeTestCluster cluster;

	private TestTracing n1;

	private TestTracing n2;

	private AgentRef onN2;

	private final Gate gate = new Gate();

	@BeforeEach
	void startCluster() {
		this.cluster = HordeTestCluster
			.onFreePorts("horde-tracing", this.fileSystems, AgentSettings.defaults(),
					Map.of("tally", new Tally(), "gate", this.gate))
			.traced();
		this.cluster.startHosting("n1", "n2");
		this.n1 = this.cluster.nodes.get(0).tracing;
		this.n2 = this.cluster.nodes.get(1).tracing;
		this.onN2 = this.cluster.nodes.get(0).agents.startAgent(AgentSpec.of(this.cluster.idOwnedBy("n2", 0)).withType("tally"))
			.ref();
		assertThat(this.onN2.node()).isEqualTo("n2");
	}

	@Test
	void aCallToAnotherMemberIsOneTraceWithASpanOnEachMember() {
		// The test tracer gives a span with no parent no ids: each call is made in a request's span.
		String reply = Observation.createNotStarted("request", this.n1.registry)
			.observe(() -> this.onN2.callAndWait("mdc", String.class, TIMEOUT));
		Observation.createNotStarted("other request", this.n1.registry)
			.observe(() -> this.onN2.call("tick", Long.class, TIMEOUT).join());

		assertThat(reply).as("the handler's MDC").isEqualTo(this.onN2.id() + "@n2");
		SimpleSpan request = single(this.n1.spans("request"));
		List<SimpleSpan> calls = this.n1.spans("sagents.call");
		assertThat(calls).hasSize(2).allSatisfy((call) -> {
			assertThat(call.getKind()).isEqualTo(Span.Kind.CLIENT);
			assertThat(call.getTags()).containsEntry("sagents.location", "remote")
				.containsEntry("sagents.agent.id", this.onN2.id());
		});
		SimpleSpan first = calls.stream().filter((call) -> request.getTraceId().equals(call.getTraceId())).findFirst()
			.orElseThrow();
		assertThat(first.getParentId()).isEqualTo(request.getSpanId());
		await().atMost(TIMEOUT).until(() -> this.n2.spans("sagents.handle").size() == 2);
		List<SimpleSpan> handled = this.n2.spans("sagents.handle");
		for (SimpleSpan call : calls) {
			SimpleSpan handle = single(
					handled.stream().filter((span) -> span.getTraceId().equals(call.getTraceId())).toList());
			assertThat(handle.getParentId()).as("the handler's span is a child of the caller's").isEqualTo(call.getSpanId());
			assertThat(handle.getKind()).isEqualTo(Span.Kind.SERVER);
			assertThat(handle.getTags()).containsEntry("sagents.exchange", "call");
		}
		assertThat(this.n1.spans("sagents.handle")).as("n1 handled nothing").isEmpty();
	}

	@Test
	void aCastToAnotherMemberContinuesTheCallersTrace() {
		Observation.createNotStarted("request", this.n1.registry).observe(() -> this.onN2.cast("tick"));

		SimpleSpan request = single(this.n1.spans("request"));
		SimpleSpan cast = single(this.n1.spans("sagents.cast"));
		assertThat(cast.getKind()).isEqualTo(Span.Kind.PRODUCER);
		assertThat(cast.getTraceId()).isEqualTo(request.getTraceId());
		await().atMost(TIMEOUT).until(() -> this.n2.spans("sagents.handle").size() == 1);
		SimpleSpan handle = single(this.n2.spans("sagents.handle"));
		assertThat(handle.getTraceId()).isEqualTo(request.getTraceId());
		assertThat(handle.getParentId()).isEqualTo(cast.getSpanId());
		assertThat(handle.getKind()).isEqualTo(Span.Kind.CONSUMER);
		assertThat(handle.getTags()).containsEntry("sagents.exchange", "cast");
	}

	@Test
	void aCastForwardedAfterItsAgentMovedStaysInTheCallersTrace() throws Exception {
		AgentRef gated = this.cluster.nodes.get(0).agents
			.startAgent(AgentSpec.of(this.cluster.idOwnedBy("n2", Integer.parseInt(this.onN2.id().substring(6)) + 1))
				.withType("gate"))
			.ref();
		assertThat(gated.node()).isEqualTo("n2");
		ProcessRef onHost = this.cluster.node("n2").node.hosted().lookupHosted(ProcessKey.agent(gated.id())).orElseThrow();
		gated.cast("hold");
		assertThat(this.gate.holding.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		Observation.createNotStarted("request", this.n1.registry).observe(() -> gated.cast("queued"));
		await().atMost(TIMEOUT).until(() -> ((LocalProcess) onHost).depth() == 1);

		// n2 drains while the cast waits in the mailbox there: it goes on to n1, where the agent moves.
		// (Drained, n2 stays a member, so the cast leaves it whenever the held handler returns.)
		CompletableFuture<Void> draining = CompletableFuture
			.runAsync(() -> new HordeNodeDrain(this.cluster.node("n2").node).drain(() -> {
			}));
		await().atMost(TIMEOUT).until(() -> !onHost.isAlive());
		this.gate.release.countDown();
		draining.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

		await().atMost(TIMEOUT).until(() -> this.gate.handled.contains("queued@n1"));
		SimpleSpan request = single(this.n1.spans("request"));
		SimpleSpan cast = single(this.n1.spans("sagents.cast")
			.stream()
			.filter((span) -> span.getTraceId().equals(request.getTraceId()))
			.toList());
		await().atMost(TIMEOUT).until(() -> this.n1.spans("sagents.handle").size() == 1);
		SimpleSpan handle = single(this.n1.spans("sagents.handle"));
		assertThat(handle.getTraceId()).as("one trace across the hop").isEqualTo(request.getTraceId());
		assertThat(handle.getParentId()).isEqualTo(cast.getSpanId());
		assertThat(handle.getTags()).containsEntry("sagents.exchange", "cast");
	}

	@Test
	void aCrashOnTheOtherMemberFailsBothSpans() {
		assertThatThrownBy(() -> Observation.createNotStarted("request", this.n1.registry)
			.observe(() -> this.onN2.callAndWait("fail", Long.class, TIMEOUT)))
			.isInstanceOf(ProcessFailedException.class);
		assertThat(single(this.n1.spans("sagents.call")).getError()).isInstanceOf(ProcessFailedException.class);
		await().atMost(TIMEOUT).until(() -> this.n2.spans("sagents.handle").size() == 1);
		SimpleSpan handle = single(this.n2.spans("sagents.handle"));
		assertThat(handle.getError()).isInstanceOf(IllegalStateException.class);
		assertThat(handle.getTraceId()).isEqualTo(single(this.n1.spans("request")).getTraceId());
	}

	/** Holds its handler on "hold" until released; records what it handled where. */
	private static final class Gate extends TestAgent<Integer> {

		final CountDownLatch holding = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final List<String> handled = new CopyOnWriteArrayList<>();

		private Gate() {
			super(Integer.class, 0);
		}

		@Override
		public AgentResult<Integer> handle(Integer state, Object message, AgentContext context) throws Exception {
			if ("hold".equals(message)) {
				this.holding.countDown();
				this.release.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			this.handled.add(message + "@" + context.node());
			return AgentResult.reply(state + 1, null);
		}

	}

	private static SimpleSpan single(List<SimpleSpan> spans) {
		assertThat(spans).hasSize(1);
		return spans.get(0);
	}

}
