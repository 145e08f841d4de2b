package dev.sagents.horde;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentResult;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.process.MailboxFullException;
import dev.sagents.process.MessageTooLargeException;
import dev.sagents.process.ProcessKey;
import dev.sagents.testsupport.TestAgent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The limits across two members: a caller on one member gets the other member's refusals typed
 * (a full mailbox, a message too large), and what either refuses is counted where it is refused.
 */
class HordeLimitsTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final int CAPACITY = 4;

	private static final long SMALL_LIMIT = 1024;

	/** A message over {@link #SMALL_LIMIT} once encoded. */
	private static final String LARGE = "x".repeat(4000);

	@TempDir
	Path fileSystems;

	private final Gate gate = new Gate();

	private HordeTestCluster cluster;

	@AfterEach
	void stopCluster() {
		this.gate.open.countDown();
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	private void startCluster(String name, long n1MaxBytes, long n2MaxBytes) {
		this.cluster = HordeTestCluster
			.onFreePorts("horde-limits-" + name, this.fileSystems, AgentSettings.defaults(), Map.of("gate", this.gate))
			.metered();
		this.cluster.limits(CAPACITY, n1MaxBytes).start("n1");
		this.cluster.limits(CAPACITY, n2MaxBytes).start("n2");
		this.cluster.awaitAllHosting();
	}

	@Test
	void aRemoteCallerGetsAFullMailboxTypedAndEveryAcceptedMessageIsHandled() {
		startCluster("mailbox", HordeSettings.DEFAULT_MAX_MESSAGE_BYTES, HordeSettings.DEFAULT_MAX_MESSAGE_BYTES);
		AgentRef remote = this.cluster.nodes.get(0).agents
			.startAgent(AgentSpec.of(this.cluster.idOwnedBy("n2", 0)))
			.ref();
		assertThat(remote.node()).isEqualTo("n2");
		remote.cast("hold");
		await().atMost(TIMEOUT).until(() -> this.gate.holding.getCount() == 0);
		for (int i = 0; i < CAPACITY; i++) {
			remote.cast("tick");
		}
		await().atMost(TIMEOUT).until(() -> depth(1) == CAPACITY);

		assertThatThrownBy(() -> remote.callAndWait("tick", Long.class, TIMEOUT))
			.isInstanceOfSatisfying(MailboxFullException.class, (full) -> {
				assertThat(full.key()).isEqualTo(ProcessKey.agent(remote.id()));
				assertThat(full.capacity()).isEqualTo(CAPACITY);
			});
		CompletableFuture<Long> call = remote.call("tick", Long.class, TIMEOUT);
		assertThatThrownBy(call::join).hasCauseInstanceOf(MailboxFullException.class);
		remote.cast("tick");
		await().atMost(TIMEOUT).until(() -> refusals(1, "mailbox") == 3);

		this.gate.open.countDown();
		await().atMost(TIMEOUT).until(() -> remote.callAndWait("get", Long.class, TIMEOUT) == CAPACITY);
		assertThat(refusals(0, "mailbox")).isZero();
	}

	@Test
	void aMessageOverTheLimitIsRefusedTypedByTheSenderOrElseByTheReceiver() {
		startCluster("size", SMALL_LIMIT, HordeSettings.DEFAULT_MAX_MESSAGE_BYTES);
		HordeTestNode n1 = this.cluster.nodes.get(0);
		HordeTestNode n2 = this.cluster.nodes.get(1);
		AgentRef onN2 = n1.agents.startAgent(AgentSpec.of(this.cluster.idOwnedBy("n2", 0))).ref();
		AgentRef onN1 = n2.agents.startAgent(AgentSpec.of(this.cluster.idOwnedBy("n1", 0))).ref();
		assertThat(onN2.node()).isEqualTo("n2");
		assertThat(onN1.node()).isEqualTo("n1");

		assertThatThrownBy(() -> onN2.callAndWait(LARGE, Long.class, TIMEOUT))
			.isInstanceOfSatisfying(MessageTooLargeException.class,
					(tooLarge) -> assertThat(tooLarge.limit()).isEqualTo(SMALL_LIMIT));
		assertThatThrownBy(() -> onN2.cast(LARGE)).isInstanceOf(MessageTooLargeException.class);
		assertThat(refusals(0, "message-size")).isEqualTo(2);

		// Sent by n2, whose limit is higher: n1 refuses it on arrival, and n2's caller is told so.
		assertThatThrownBy(() -> onN1.callAndWait(LARGE, Long.class, TIMEOUT))
			.isInstanceOfSatisfying(MessageTooLargeException.class,
					(tooLarge) -> assertThat(tooLarge.limit()).isEqualTo(SMALL_LIMIT));
		assertThat(refusals(0, "message-size")).isEqualTo(3);
		assertThat(refusals(1, "message-size")).isZero();

		assertThat(onN2.callAndWait("tick", Long.class, TIMEOUT)).isEqualTo(1);
		assertThat(onN1.callAndWait("tick", Long.class, TIMEOUT)).isEqualTo(1);
	}

	private double refusals(int node, String limit) {
		return this.cluster.nodes.get(node).meters.get("sagents.limit.refusals")
			.tag("limit", limit)
			.tag("kind", "agent")
			.counter()
			.count();
	}

	private double depth(int node) {
		return this.cluster.nodes.get(node).meters.get("sagents.mailbox.depth.max").gauge().value();
	}

	/** Counts what it handles; "hold" blocks it until the test opens the gate, "get" answers the count. */
	static final class Gate extends TestAgent<Long> {

		final CountDownLatch holding = new CountDownLatch(1);

		final CountDownLatch open = new CountDownLatch(1);

		Gate() {
			super(Long.class, 0L);
		}

		@Override
		public AgentResult<Long> handle(Long handled, Object message, AgentContext context) {
			if ("get".equals(message)) {
				return AgentResult.reply(handled, handled);
			}
			if ("hold".equals(message)) {
				this.holding.countDown();
				try {
					this.open.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return AgentResult.noReply(handled);
			}
			return AgentResult.reply(handled + 1, handled + 1);
		}

	}

}
