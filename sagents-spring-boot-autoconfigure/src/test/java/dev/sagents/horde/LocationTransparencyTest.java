package dev.sagents.horde;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentPersistence;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentResult;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.NamedAgentBehaviorResolver;
import dev.sagents.autoconfigure.HandlerExecutors;
import dev.sagents.codec.JsonMessageCodec;
import dev.sagents.codec.MessageCodec;
import dev.sagents.codec.MessageEncodingException;
import dev.sagents.codec.Transit;
import dev.sagents.codec.TrustedTypes;
import dev.sagents.codec.compact.CompactMessageCodec;
import dev.sagents.codec.orders.Line;
import dev.sagents.codec.orders.LineSerializer;
import dev.sagents.codec.shapes.ValueShapes;
import dev.sagents.local.LocalAgentsSupervisor;
import dev.sagents.local.LocalProcessRegistry;
import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.persistence.AgentStorage;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.testsupport.TestAgent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Whether a call succeeds does not depend on where its agent runs. Every shape of value an agent
 * can take or give ({@link ValueShapes}) arrives equal, or is refused with the same
 * {@link MessageEncodingException}, before the agent handles it (a reply: once it did, before its
 * state change is kept, in each place alike), whether the agent runs in local mode, in horde mode
 * on the caller's node or on another member, or in local mode with
 * {@code sagents.codec.verify-local}.
 */
class LocationTransparencyTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final List<ValueShapes.Travelling> TRAVELLING = ValueShapes.travelling();

	private static final List<ValueShapes.Refused> REFUSED = ValueShapes.refused();

	@TempDir
	static Path fileSystems;

	private static HordeTestCluster cluster;

	private static final List<LocalNode> localNodes = new ArrayList<>();

	/** The one agent, by where it runs as seen from the caller. */
	private static final Map<String, AgentRef> agents = new LinkedHashMap<>();

	private HordeTestCluster compactCluster;

	@BeforeAll
	static void startAgentsEverywhere() {
		MessageCodec codec = jsonCodec();
		cluster = HordeTestCluster
			.onFreePorts("location-transparency", fileSystems, AgentSettings.defaults(),
					Map.of("shapes", new Shapes(TRAVELLING, REFUSED)))
			.codec(codec, false);
		agents.putAll(startEverywhere(cluster, codec));
	}

	@AfterAll
	static void stopAgents() {
		if (cluster != null) {
			cluster.close();
		}
		localNodes.forEach(LocalNode::close);
	}

	@AfterEach
	void stopCompactCluster() {
		if (this.compactCluster != null) {
			this.compactCluster.close();
		}
	}

	static List<ValueShapes.Travelling> travelling() {
		return TRAVELLING;
	}

	static List<ValueShapes.Refused> refused() {
		return REFUSED;
	}

	@ParameterizedTest
	@MethodSource("travelling")
	void aValueThatTravelsArrivesEqualAsMessageAndAsReplyOfTheTypeAskedForWhereverTheAgentRuns(
			ValueShapes.Travelling shape) {
		Give give = new Give(Give.TRAVELLING, TRAVELLING.indexOf(shape));
		agents.forEach((where, agent) -> {
			for (Class<?> asked : List.of(Object.class, shape.declared())) {
				String as = where + ", as " + asked.getName();
				assertThat(agent.callAndWait(shape.value(), asked, TIMEOUT)).as("echoed, " + as)
					.isInstanceOf(asked)
					.satisfies((echo) -> assertThat(Objects.deepEquals(echo, shape.value())).isTrue());
				assertThat(agent.call(give, asked, TIMEOUT)).as("given, " + as)
					.succeedsWithin(TIMEOUT)
					.isInstanceOf(asked)
					.satisfies((reply) -> assertThat(Objects.deepEquals(reply, shape.value())).isTrue());
			}
		});
	}

	@Test
	void aNullReplyArrivesAsNullWhateverTypeTheCallerAsksForWhereverTheAgentRuns() {
		Give give = new Give(Give.NULL, 0);
		agents.forEach((where, agent) -> {
			for (Class<?> replyType : List.of(Object.class, ValueShapes.NOTE.getClass(), List.class, Optional.class,
					Instant.class, int[].class)) {
				assertThat(agent.callAndWait(give, replyType, TIMEOUT)).as(where + ", as " + replyType.getName()).isNull();
				assertThat(agent.call(give, replyType, TIMEOUT)).as(where + ", as " + replyType.getName())
					.succeedsWithin(TIMEOUT)
					.isNull();
			}
		});
	}

	@Test
	void aCastThatTravelsIsHandledWhereverTheAgentRuns() {
		agents.forEach((where, agent) -> {
			long handled = handled(agent);
			agent.cast(List.of(ValueShapes.NOTE));
			await(where).atMost(TIMEOUT).until(() -> handled(agent) == handled + 1);
		});
	}

	@ParameterizedTest
	@MethodSource("refused")
	void aMessageThatCannotTravelIsRefusedAlikeBeforeTheAgentHandlesIt(ValueShapes.Refused shape) {
		Map<String, String> refusals = new LinkedHashMap<>();
		agents.forEach((where, agent) -> {
			long handled = handled(agent);
			refusals.put(where + " callAndWait", refusal(() -> agent.callAndWait(shape.value(), Object.class, TIMEOUT)));
			refusals.put(where + " call", refusal(agent.call(shape.value(), Object.class, TIMEOUT)));
			refusals.put(where + " cast", refusal(() -> agent.cast(shape.value())));
			assertThat(handled(agent)).as("handled, " + where).isEqualTo(handled);
		});
		assertThat(refusals.values()).as(refusals.toString())
			.allSatisfy((message) -> assertThat(message).contains(shape.reason())
				.startsWith("Cannot send a value of type '" + shape.type() + "' between members: "))
			.containsOnly(refusals.values().iterator().next());
	}

	@ParameterizedTest
	@MethodSource("refused")
	void aReplyThatCannotTravelFailsTheCallAlikeAndLeavesTheAgentsStateAsItWas(ValueShapes.Refused shape) {
		Give give = new Give(Give.REFUSED, REFUSED.indexOf(shape));
		Map<String, String> refusals = new LinkedHashMap<>();
		agents.forEach((where, agent) -> {
			long handled = handled(agent);
			refusals.put(where + " callAndWait", refusal(() -> agent.callAndWait(give, Object.class, TIMEOUT)));
			refusals.put(where + " call", refusal(agent.call(give, Object.class, TIMEOUT)));
			assertThat(handled(agent)).as("state, " + where).isEqualTo(handled);
		});
		assertThat(refusals.values()).as(refusals.toString())
			.allSatisfy((message) -> assertThat(message).contains(shape.reason())
				.startsWith("Cannot send a value of type '" + shape.type() + "' between members: "))
			.containsOnly(refusals.values().iterator().next());
	}

	@Test
	void aReplyTypeNoReplyCouldHaveAndANullMessageAreRefusedAlike() {
		Map<String, String> refusals = new LinkedHashMap<>();
		agents.forEach((where, agent) -> {
			long handled = handled(agent);
			refusals.put(where + " callAndWait", refusal(() -> agent.callAndWait("x", ArrayList.class, TIMEOUT)));
			refusals.put(where + " call", refusal(agent.call("x", ArrayList.class, TIMEOUT)));
			assertThatIllegalArgumentException().as(where).isThrownBy(() -> agent.callAndWait(null, Object.class, TIMEOUT))
				.withMessage("'message' must not be null");
			assertThatIllegalArgumentException().as(where).isThrownBy(() -> agent.call(null, Object.class, TIMEOUT))
				.withMessage("'message' must not be null");
			assertThatIllegalArgumentException().as(where).isThrownBy(() -> agent.cast(null))
				.withMessage("'message' must not be null");
			assertThat(handled(agent)).as("handled, " + where).isEqualTo(handled);
		});
		assertThat(refusals.values()).as(refusals.toString())
			.allSatisfy((message) -> assertThat(message).contains("ask for java.util.List"))
			.containsOnly(refusals.values().iterator().next());
	}

	@Test
	void withTheCompactCodecACompactValueTravelsAloneAndIsRefusedInAContainerAlike() {
		MessageCodec codec = new CompactMessageCodec(List.of(new LineSerializer()), jsonCodec());
		Line line = new Line("sku-1", 2, new BigDecimal("9.99"));
		this.compactCluster = HordeTestCluster
			.onFreePorts("location-compact", fileSystems, AgentSettings.defaults(),
					Map.of("shapes", new Shapes(List.of(), List.of())))
			.codec(codec, false);
		Map<String, AgentRef> compactAgents = startEverywhere(this.compactCluster, codec);
		Map<String, String> refusals = new LinkedHashMap<>();
		compactAgents.forEach((where, agent) -> {
			assertThat(agent.callAndWait(line, Line.class, TIMEOUT)).as(where).isEqualTo(line);
			assertThat(agent.callAndWait(List.of(ValueShapes.NOTE), List.class, TIMEOUT)).as(where)
				.isEqualTo(List.of(ValueShapes.NOTE));
			refusals.put(where, refusal(() -> agent.callAndWait(List.of(line), List.class, TIMEOUT)));
		});
		assertThat(refusals.values()).as(refusals.toString())
			.allSatisfy((message) -> assertThat(message).contains("a Compact value travels only as the top-level value"))
			.containsOnly(refusals.values().iterator().next());
	}

	/** The JSON codec, trusting this package and the shapes'. */
	private static JsonMessageCodec jsonCodec() {
		return new JsonMessageCodec(JsonMapper.builder().build(), new TrustedTypes(
				List.of("dev.sagents.horde", "dev.sagents.codec.notes", "dev.sagents.codec.shapes"), List.of(),
				LocationTransparencyTest.class.getClassLoader()));
	}

	/**
	 * One agent of {@code cluster}'s "shapes" behaviour on its second node, seen from that node and
	 * from the first, and one in local mode, with its values checked and verified through
	 * {@code codec}.
	 */
	private static Map<String, AgentRef> startEverywhere(HordeTestCluster cluster, MessageCodec codec) {
		cluster.start("n1");
		cluster.start("n2");
		cluster.awaitAllHosting();
		String id = cluster.idOwnedBy("n2", 0);
		cluster.node("n1").agents.startAgent(new AgentSpec(id, "shapes", null, Map.of()));
		Map<String, AgentRef> refs = new LinkedHashMap<>();
		refs.put("local mode", new LocalNode(Transit.through(codec, false), cluster).agent());
		refs.put("horde, on the caller's node", cluster.node("n2").agents.findAgent(id).orElseThrow());
		refs.put("horde, on another member", cluster.node("n1").agents.findAgent(id).orElseThrow());
		refs.put("local mode, verified", new LocalNode(Transit.through(codec, true), cluster).agent());
		assertThat(refs.get("horde, on the caller's node").node()).isEqualTo("n2");
		assertThat(refs.get("horde, on another member").node()).isEqualTo("n2");
		return refs;
	}

	private static long handled(AgentRef agent) {
		return agent.callAndWait(Shapes.HANDLED, Long.class, TIMEOUT);
	}

	/** The message of the {@link MessageEncodingException} {@code action} throws. */
	private static String refusal(Runnable action) {
		try {
			action.run();
		}
		catch (MessageEncodingException ex) {
			return ex.getMessage();
		}
		throw new AssertionError("Expected a MessageEncodingException");
	}

	/** The message of the {@link MessageEncodingException} {@code call} fails with. */
	private static String refusal(CompletableFuture<?> call) {
		try {
			call.get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			assertThat(ex.getCause()).isInstanceOf(MessageEncodingException.class);
			return ex.getCause().getMessage();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
		throw new AssertionError("Expected a MessageEncodingException");
	}

	/**
	 * Asks the agent to reply with a shape of the table, so the reply travels without the message.
	 *
	 * @param kind {@link #TRAVELLING} or {@link #REFUSED}, or {@link #NULL} for a {@code null} reply
	 * @param index the shape's place in that table
	 */
	record Give(String kind, int index) {

		static final String TRAVELLING = "travelling";

		static final String REFUSED = "refused";

		static final String NULL = "null";

	}

	/** Echoes what it gets, gives what a {@link Give} asks for, and counts both. */
	static final class Shapes extends TestAgent<Long> {

		static final String HANDLED = "handled";

		private final List<ValueShapes.Travelling> travelling;

		private final List<ValueShapes.Refused> refused;

		Shapes(List<ValueShapes.Travelling> travelling, List<ValueShapes.Refused> refused) {
			super(Long.class, 0L);
			this.travelling = travelling;
			this.refused = refused;
		}

		@Override
		public AgentResult<Long> handle(Long handled, Object message, AgentContext context) {
			if (HANDLED.equals(message)) {
				return AgentResult.reply(handled, handled);
			}
			Object reply = message;
			if (message instanceof Give give) {
				reply = switch (give.kind()) {
					case Give.TRAVELLING -> this.travelling.get(give.index()).value();
					case Give.REFUSED -> this.refused.get(give.index()).value();
					default -> null;
				};
			}
			return AgentResult.reply(handled + 1, reply);
		}

	}

	/** A node in local mode hosting one "shapes" agent, its values going through {@code transit}. */
	private static final class LocalNode implements AutoCloseable {

		private final ExecutorService executor = HandlerExecutors.byDefault();

		private final LocalProcessRuntime runtime;

		private final LocalAgentsSupervisor supervisor;

		LocalNode(Transit transit, HordeTestCluster cluster) {
			this.runtime = new LocalProcessRuntime("local", this.executor, transit);
			LocalProcessRegistry registry = new LocalProcessRegistry();
			this.supervisor = new LocalAgentsSupervisor(this.runtime, registry,
					new NamedAgentBehaviorResolver(Map.of("shapes", cluster.behavior("shapes")), null),
					AgentStorage.of(AgentPersistence.none()), null, AgentSettings.defaults(), new ProcessFailureLog(10));
			registry.start();
			this.supervisor.start();
			localNodes.add(this);
		}

		AgentRef agent() {
			return this.supervisor.startAgent(new AgentSpec("local-shapes", "shapes", null, Map.of())).ref();
		}

		@Override
		public void close() {
			this.supervisor.stop();
			this.runtime.close();
			this.executor.shutdownNow();
		}

	}

}
