package dev.sagents.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentEvent;
import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentPersistence;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentResult;
import dev.sagents.agent.AgentSession;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentStatus;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.codec.MessageCodec;
import dev.sagents.codec.MessageEncodingException;
import dev.sagents.codec.untrusted.Coupon;
import dev.sagents.testsupport.TestAgent;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Local mode checks what agents take and give with the codec, so that it refuses what horde mode
 * could not carry between members; {@code sagents.codec.verify-local} sends every value through it.
 */
class CodecChecksConfigurationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@TempDir
	Path baseDirectory;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SagentsAutoConfiguration.class))
			.withPropertyValues("sagents.node-name=n1", "sagents.filesystem.base-directory=" + this.baseDirectory,
					"sagents.codec.trusted-packages=dev.sagents.autoconfigure")
			.withBean("echo", AgentBehavior.class, EchoAgent::new);
	}

	@Test
	void localModeRefusesWhatCouldNotTravelToAnotherMemberAndPassesTheRestAsItIs() {
		runner().run((context) -> {
			assertThat(context).hasSingleBean(MessageCodec.class);
			AgentRef agent = context.getBean(AgentSession.class).ensureRunning(AgentSpec.of("alice"));
			Parcel parcel = new Parcel("p-1");
			assertThat(agent.callAndWait(parcel, Parcel.class, TIMEOUT)).isSameAs(parcel);
			assertThat(agent.callAndWait(List.of(parcel), List.class, TIMEOUT)).containsExactly(parcel);
			assertThatExceptionOfType(MessageEncodingException.class)
				.isThrownBy(() -> agent.callAndWait(new Coupon("c-1"), Object.class, TIMEOUT))
				.withMessageContaining(Coupon.class.getName())
				.withMessageContaining("sagents.codec.trusted-packages");
			assertThatExceptionOfType(MessageEncodingException.class)
				.isThrownBy(() -> agent.cast(new Coupon("c-1")));
		});
	}

	@Test
	void anEventPayloadThatCouldNotTravelIsRefusedToTheAgentAndTheAgentGoesOn() {
		runner().run((context) -> {
			AgentRef agent = context.getBean(AgentSession.class).ensureRunning(AgentSpec.of("alice"));
			List<AgentEvent> events = new CopyOnWriteArrayList<>();
			context.getBean(AgentsSupervisor.class).subscribe("alice", events::add);
			assertThatExceptionOfType(MessageEncodingException.class)
				.isThrownBy(() -> agent.callAndWait(EchoAgent.PUBLISH_COUPON, Object.class, TIMEOUT))
				.withMessageContaining(Coupon.class.getName());
			agent.cast(EchoAgent.REPLY_COUPON);
			assertThat(agent.callAndWait("after", String.class, TIMEOUT)).isEqualTo("after");
			await().atMost(TIMEOUT)
				.until(() -> events.stream()
					.anyMatch((event) -> event instanceof AgentEvent.Replied replied && "after".equals(replied.reply())));
			assertThat(events).noneMatch((event) -> event instanceof AgentEvent.Published)
				.noneMatch((event) -> event instanceof AgentEvent.Replied replied && replied.reply() instanceof Coupon);
		});
	}

	@Test
	void aReplyThatCouldNotTravelLeavesTheStateAsItWasAndPersistsNothing() {
		List<Object> persisted = new CopyOnWriteArrayList<>();
		runner().withBean(AgentPersistence.class, () -> new RecordingPersistence(persisted)).run((context) -> {
			AgentRef agent = context.getBean(AgentSession.class).ensureRunning(AgentSpec.of("alice"));
			assertThat(agent.callAndWait("first", String.class, TIMEOUT)).isEqualTo("first");
			assertThat(persisted).containsExactly(1);
			assertThatExceptionOfType(MessageEncodingException.class)
				.isThrownBy(() -> agent.callAndWait(EchoAgent.REPLY_COUPON, Object.class, TIMEOUT))
				.withMessageContaining(Coupon.class.getName());
			assertThat(agent.call(EchoAgent.REPLY_COUPON, Object.class, TIMEOUT)).failsWithin(TIMEOUT)
				.withThrowableOfType(ExecutionException.class)
				.withCauseInstanceOf(MessageEncodingException.class);
			assertThat(agent.callAndWait(EchoAgent.STATE, Integer.class, TIMEOUT)).isEqualTo(1);
			assertThat(persisted).containsExactly(1);
			assertThat(agent.status()).isEqualTo(AgentStatus.IDLE);
		});
	}

	@Test
	void verifyLocalHandsTheAgentAndTheCallerWhatAnotherMemberWouldHaveDecoded() {
		runner().withPropertyValues("sagents.codec.verify-local=true").run((context) -> {
			AgentRef agent = context.getBean(AgentSession.class).ensureRunning(AgentSpec.of("alice"));
			Parcel parcel = new Parcel("p-1");
			assertThat(agent.callAndWait(parcel, Parcel.class, TIMEOUT)).isEqualTo(parcel).isNotSameAs(parcel);
			assertThat(agent.callAndWait(List.of(1L), List.class, TIMEOUT)).containsExactly(1L);
		});
	}

	@Test
	void verifyLocalWithoutACodecFailsStartupNamingTheProperty() {
		runner().withClassLoader(new FilteredClassLoader(JsonMapper.class))
			.withPropertyValues("sagents.codec.verify-local=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidSagentsPropertyException.class)
				.hasMessageContaining("sagents.codec.verify-local")
				.hasMessageContaining("jackson-databind"));
	}

	@Test
	void withoutJacksonLocalModeHasNoCodecAndPassesEveryValue() {
		runner().withClassLoader(new FilteredClassLoader(JsonMapper.class)).run((context) -> {
			assertThat(context).doesNotHaveBean(MessageCodec.class);
			AgentRef agent = context.getBean(AgentSession.class).ensureRunning(AgentSpec.of("alice"));
			Coupon coupon = new Coupon("c-1");
			assertThat(agent.callAndWait(coupon, Coupon.class, TIMEOUT)).isSameAs(coupon);
		});
	}

	/**
	 * A message of a trusted package.
	 *
	 * @param id its id
	 */
	record Parcel(String id) {
	}

	/** Records every state persisted on a change. */
	record RecordingPersistence(List<Object> persisted) implements AgentPersistence {

		@Override
		public void persistState(String agentId, Object state, PersistencePoint point) {
			if (point == PersistencePoint.ON_CHANGE) {
				this.persisted.add(state);
			}
		}

		@Override
		public <S> Optional<S> loadState(String agentId, Class<S> stateType) {
			return Optional.empty();
		}

	}

	/** Replies with the message it got (its state counts them); replies its state to {@link #STATE}; publishes or replies a value of an untrusted package when asked. */
	static class EchoAgent extends TestAgent<Integer> {

		static final String PUBLISH_COUPON = "publish a coupon";

		static final String REPLY_COUPON = "reply a coupon";

		static final String STATE = "state";

		EchoAgent() {
			super(Integer.class, 0);
		}

		@Override
		public AgentResult<Integer> handle(Integer state, Object message, AgentContext context) {
			if (STATE.equals(message)) {
				return AgentResult.reply(state, state);
			}
			if (PUBLISH_COUPON.equals(message)) {
				context.publish(new Coupon("c-1"));
			}
			return AgentResult.reply(state + 1, REPLY_COUPON.equals(message) ? new Coupon("c-1") : message);
		}

	}

}
