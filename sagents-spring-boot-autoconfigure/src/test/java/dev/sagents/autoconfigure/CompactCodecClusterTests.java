package dev.sagents.autoconfigure;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentResult;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.cluster.ClusterView;
import dev.sagents.codec.MessageCodec;
import dev.sagents.codec.compact.CompactMessageCodec;
import dev.sagents.codec.orders.Line;
import dev.sagents.codec.orders.LineSerializer;
import dev.sagents.codec.orders.Parcel;
import dev.sagents.codec.orders.ParcelSerializer;
import dev.sagents.testsupport.FreePorts;
import dev.sagents.testsupport.TestAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two horde nodes with {@code sagents.codec.format=compact}, each on a member sagents starts
 * (free ports of 127.0.0.1): a message and its reply cross between them as Compact. Their
 * types are in no package the JSON codec trusts, so only Compact can carry them.
 */
class CompactCodecClusterTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration GENEROUS = Duration.ofSeconds(60);

	@TempDir
	Path baseDirectory;

	private final int port = FreePorts.block(5);

	private ApplicationContextRunner node(String name, String clusterName) {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SagentsAutoConfiguration.class))
			.withBean("parcelSerializer", CompactSerializer.class, ParcelSerializer::new)
			.withBean("lineSerializer", CompactSerializer.class, LineSerializer::new)
			.withBean("totals", Totals.class, Totals::new)
			.withBean(SagentsHazelcastConfigCustomizer.class, () -> CompactCodecClusterTests::loopbackOnly)
			.withPropertyValues("sagents.distribution=horde", "sagents.node-name=" + name,
					"sagents.filesystem.base-directory=" + this.baseDirectory.resolve(name),
					"sagents.horde.cluster-name=" + clusterName, "sagents.horde.network.port=" + this.port,
					"sagents.horde.network.port-count=5", "sagents.horde.network.interface=127.0.0.1",
					"sagents.horde.network.join-members=127.0.0.1:" + this.port + ",127.0.0.1:" + (this.port + 1),
					"sagents.codec.format=compact");
	}

	@Test
	void aCompactMessageAndItsReplyCrossBetweenMembers() {
		String clusterName = FreePorts.clusterName("compact");
		node("a", clusterName).run((a) -> node("b", clusterName).run((b) -> {
			assertThat(a.getBean(MessageCodec.class)).isInstanceOf(CompactMessageCodec.class);
			for (ClusterView view : new ClusterView[] { a.getBean(ClusterView.class), b.getBean(ClusterView.class) }) {
				await().atMost(GENEROUS).until(() -> view.liveNodes().size() == 2);
			}
			AgentRef onB = agentHostedOn("b", a.getBean(AgentsSupervisor.class));
			Line first = new Line("sku-1", 2, new BigDecimal("2.50"));
			Line second = new Line("sku-2", 1, new BigDecimal("0.75"));

			Line total = onB.callAndWait(new Parcel(first, new Object[] { first, second }), Line.class, TIMEOUT);

			assertThat(total).isEqualTo(new Line("total from b", 3, new BigDecimal("5.75")));
		}));
	}

	/** An agent started from {@code agents} that its uniform placement put on {@code node}. */
	private static AgentRef agentHostedOn(String node, AgentsSupervisor agents) {
		for (int i = 0; i < 100; i++) {
			AgentRef agent = agents.startAgent(AgentSpec.of("totals-" + i)).ref();
			if (agent.node().equals(node)) {
				return agent;
			}
		}
		throw new AssertionError("No agent was placed on " + node);
	}

	/** Belt and braces over sagents' own defaults: loopback only, nothing discovered, no phone-home. */
	private static void loopbackOnly(Config config) {
		config.setProperty("hazelcast.phone.home.enabled", "false");
		config.getNetworkConfig().getInterfaces().clear().setEnabled(true).addInterface("127.0.0.1");
		JoinConfig join = config.getNetworkConfig().getJoin();
		join.getMulticastConfig().setEnabled(false);
		join.getAutoDetectionConfig().setEnabled(false);
		join.getTcpIpConfig().setEnabled(true);
	}

	/** Totals the lines of a parcel: the quantities, and the prices times the quantities. */
	static final class Totals extends TestAgent<String> {

		Totals() {
			super(String.class, "");
		}

		@Override
		public AgentResult<String> handle(String state, Object message, AgentContext context) {
			Parcel parcel = (Parcel) message;
			int quantity = 0;
			BigDecimal amount = BigDecimal.ZERO;
			for (Object item : parcel.contents()) {
				Line line = (Line) item;
				quantity += line.quantity();
				amount = amount.add(line.price().multiply(BigDecimal.valueOf(line.quantity())));
			}
			return AgentResult.reply(state, new Line("total from " + context.node(), quantity, amount));
		}

	}

}
