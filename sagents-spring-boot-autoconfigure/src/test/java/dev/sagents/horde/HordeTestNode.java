package dev.sagents.horde;

import java.time.Duration;
import java.util.concurrent.ExecutorService;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.sagents.agent.NamedAgentBehaviorResolver;
import dev.sagents.autoconfigure.HandlerExecutors;
import dev.sagents.cluster.MembersMode;
import dev.sagents.codec.Transit;
import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.metrics.SagentsMetrics;
import dev.sagents.metrics.micrometer.MicrometerSagentsMetrics;
import dev.sagents.metrics.micrometer.SagentsMeterBinder;
import dev.sagents.observation.SagentsObservations;
import dev.sagents.observation.micrometer.MicrometerSagentsObservations;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.supervisor.SagentsSupervisor;
import dev.sagents.testsupport.TestTracing;

/**
 * One sagents node of a {@link HordeTestCluster}: a real Hazelcast member, a runtime and the
 * three pieces, wired from a {@link TestNodeRecipe} as the auto-configuration wires them.
 */
final class HordeTestNode {

	final String name;

	private final Config config;

	HazelcastInstance hazelcast;

	final ExecutorService executor = HandlerExecutors.byDefault();

	final LocalProcessRuntime runtime;

	/** This node's meters, when its recipe is {@link TestNodeRecipe#metered}. */
	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	/** This node's observations and spans, when its recipe is {@link TestNodeRecipe#traced}. */
	final TestTracing tracing = new TestTracing();

	final HordeNode node;

	final HordeProcessRegistry registry;

	final HordeAgentsSupervisor agents;

	final HordeFileSystemSupervisor fileSystems;

	final HordeClusterView view;

	final SagentsSupervisor supervisor;

	/** Whether the node runs its supervisor; a proxy node does not. */
	final boolean hosting;

	/** The processes this node gave up after too many crashes. */
	final ProcessFailureLog failures = new ProcessFailureLog(10);

	private boolean stopped;

	HordeTestNode(String name, Config config, boolean hosting, TestNodeRecipe recipe) {
		this.name = name;
		this.config = config;
		this.hosting = hosting;
		this.runtime = new LocalProcessRuntime(name, this.executor, Transit.through(recipe.codec, recipe.verifyLocal),
				recipe.metered ? new MicrometerSagentsMetrics(this.meters) : SagentsMetrics.NONE,
				recipe.mailboxCapacity,
				recipe.traced ? new MicrometerSagentsObservations(this.tracing.registry) : SagentsObservations.NONE);
		this.node = new HordeNode(new HazelcastMemberProvider() {

			@Override
			public HazelcastInstance start() {
				HordeTestNode.this.hazelcast = Hazelcast.newHazelcastInstance(HordeTestNode.this.config);
				return HordeTestNode.this.hazelcast;
			}

			@Override
			public void stop() {
				HordeTestNode.this.hazelcast.shutdown();
			}

		}, this.runtime, recipe.codec, new HordeSettings(name, MembersMode.PARTICIPATION, null, recipe.requestTimeout,
				Duration.ofSeconds(1), recipe.maxMessageBytes, recipe.rebalance));
		this.registry = new HordeProcessRegistry(this.node);
		this.fileSystems = new HordeFileSystemSupervisor(this.node, recipe.fileSystemStorage,
				recipe.fileSystemSettings, this.failures);
		this.agents = new HordeAgentsSupervisor(this.node, new NamedAgentBehaviorResolver(recipe.behaviors, null),
				recipe.agentStorage, this.fileSystems, recipe.agentSettings, this.failures);
		this.view = new HordeClusterView(this.node);
		if (recipe.metered) {
			new SagentsMeterBinder(new HordeHostedLoad(this.node), this.view).bindTo(this.meters);
		}
		this.supervisor = new SagentsSupervisor(this.registry, this.agents, this.fileSystems);
	}

	void start() {
		if (this.hosting) {
			this.supervisor.start();
		}
		else {
			this.registry.startWithoutHosting();
		}
	}

	/** Leaves gracefully: processes persist and are handed over, then the member shuts down. */
	void stop() {
		if (this.hosting) {
			this.supervisor.stop();
		}
		else {
			this.registry.drain();
			this.registry.stop();
		}
		release();
	}

	/** Dies: the member is terminated without a goodbye, as if its process was killed. */
	void crash() {
		this.hazelcast.getLifecycleService().terminate();
		this.executor.shutdownNow();
		this.runtime.close();
		this.stopped = true;
	}

	void stopQuietly() {
		if (!this.stopped) {
			try {
				stop();
			}
			catch (RuntimeException ex) {
				this.hazelcast.getLifecycleService().terminate();
				release();
			}
		}
	}

	private void release() {
		this.stopped = true;
		this.runtime.close();
		this.executor.shutdownNow();
	}

	/** Whether this node stopped, crashed or left. */
	boolean stopped() {
		return this.stopped;
	}

	String member() {
		return this.hazelcast.getCluster().getLocalMember().getUuid().toString();
	}

}
